import { GraphiQL } from "graphiql";
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { fetcher } from "./graphql";

const EXAMPLE = `# 최근 보고서 · The newest reports
{
  reports(first: 5) {
    totalCount
    nodes {
      title
      publishedAt
      firm { name }
    }
  }
}
`;

export default function Explorer() {
  return <GraphiQL fetcher={fetcher} defaultQuery={EXAMPLE} />;
}

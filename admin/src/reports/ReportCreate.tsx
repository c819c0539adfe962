import { Create } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { ReportForm } from "./ReportForm";

export function ReportCreate() {
  const onError = useServerErrorNotifier();
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <ReportForm creating defaultValues={{ content: { summary: ["", "", ""], language: "ko", sectorTagIds: [] } }} />
    </Create>
  );
}

import { lazy, StrictMode, Suspense, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { access, type Access } from "./graphql";
import "./page.css";

// GraphiQL and its editor are most of the download: only for visitors who may use them.
const Explorer = lazy(() => import("./Explorer"));

function SignIn() {
  return (
    <main className="notice" data-testid="explorer-sign-in">
      <h1>GraphQL 탐색기</h1>
      <p>이 서버의 탐색기는 로그인한 직원만 쓸 수 있습니다. 관리 화면에서 로그인한 뒤 이 페이지를 다시 여세요.</p>
      <p lang="en">The explorer of this server is for signed-in staff. Sign in to the admin panel, then open this page again.</p>
      <p>
        <a href="/admin/">관리 화면에서 로그인 · Sign in</a>
      </p>
      <p className="hint">
        클라이언트 앱은 로그인 없이 <code>POST /graphql</code>로 공개된 보고서를 읽을 수 있습니다. · Client apps read published reports
        through <code>POST /graphql</code> without signing in.
      </p>
    </main>
  );
}

function Problem({ message }: { message: string }) {
  return (
    <main className="notice" role="alert">
      <h1>GraphQL 탐색기</h1>
      <p>서버에 물어볼 수 없습니다. · The server could not be asked.</p>
      <pre>{message}</pre>
    </main>
  );
}

function Page() {
  const [state, setState] = useState<Access | "asking">("asking");
  useEffect(() => void access().then(setState), []);
  if (state === "asking") return null;
  if (state === "sign-in") return <SignIn />;
  if (state !== "granted") return <Problem message={state.problem} />;
  return (
    <Suspense fallback={null}>
      <Explorer />
    </Suspense>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);

import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { authProvider, hasRole } from "./authProvider";
import { dataProvider } from "./dataProvider";
import { i18nProvider } from "./i18n";
import { Layout } from "./Layout";

/**
 * The screens behind the sign-in are loaded once the role is known (react-admin waits for the
 * promise), so the sign-in screen downloads none of them: the body editor alone is most of the
 * panel's weight. Each folder is its own chunk, fetched in parallel.
 */
async function screens(permissions: unknown) {
  const [{ reports }, { firms }, { analysts }, { sectorTags }, { users }, { webhooks }, { audit }, { ReviewQueue }, { ReviewPage }, { CompliancePage }] =
    await Promise.all([
      import("./reports"),
      import("./firms"),
      import("./analysts"),
      import("./sector-tags"),
      import("./users"),
      import("./webhooks"),
      import("./audit"),
      import("./review/ReviewQueue"),
      import("./review/ReviewPage"),
      import("./compliance/CompliancePage"),
    ]);
  return (
    <>
      <Resource name="reports" {...reports} />
      <Resource name="firms" {...firms} />
      <Resource name="analysts" {...analysts} />
      <Resource name="sectorTags" {...sectorTags} />
      {hasRole(permissions, "ADMIN") && <Resource name="users" {...users} />}
      {hasRole(permissions, "ADMIN") && <Resource name="webhooks" {...webhooks} />}
      {hasRole(permissions, "ADMIN") && <Resource name="auditEvents" {...audit} />}
      <CustomRoutes>
        <Route path="/review" element={<ReviewQueue />} />
        <Route path="/review/:id" element={<ReviewPage />} />
        <Route path="/compliance" element={<CompliancePage />} />
      </CustomRoutes>
    </>
  );
}

export function App() {
  return (
    <Admin
      basename=""
      title="Research Desk"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      requireAuth
      disableTelemetry
    >
      {screens}
    </Admin>
  );
}

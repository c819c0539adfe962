import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { analysts } from "./analysts";
import { audit } from "./audit";
import { authProvider, hasRole } from "./authProvider";
import { CompliancePage } from "./compliance/CompliancePage";
import { dataProvider } from "./dataProvider";
import { firms } from "./firms";
import { i18nProvider } from "./i18n";
import { Layout } from "./Layout";
import { reports } from "./reports";
import { ReviewPage } from "./review/ReviewPage";
import { ReviewQueue } from "./review/ReviewQueue";
import { sectorTags } from "./sector-tags";
import { users } from "./users";

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
      {(permissions: unknown) => (
        <>
          <Resource name="reports" {...reports} />
          <Resource name="firms" {...firms} />
          <Resource name="analysts" {...analysts} />
          <Resource name="sectorTags" {...sectorTags} />
          {hasRole(permissions, "ADMIN") && <Resource name="users" {...users} />}
          {hasRole(permissions, "ADMIN") && <Resource name="auditEvents" {...audit} />}
          <CustomRoutes>
            <Route path="/review" element={<ReviewQueue />} />
            <Route path="/review/:id" element={<ReviewPage />} />
            <Route path="/compliance" element={<CompliancePage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}

import { DataTable } from "react-admin";
import { CursorList } from "../list-parts";
import { SeoulDateField } from "../time";
import type { WebhookRecord } from "./operations";
import { ReferenceNames } from "./ReferenceNames";
import { EventTypes, WebhookState } from "./WebhookState";

/** Endpoints, newest first (the API's order); a row opens the endpoint with its delivery log. */
export function WebhookList() {
  return (
    <CursorList sx={{ wordBreak: "keep-all" }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col<WebhookRecord> source="url" disableSort render={(w) => <span style={{ overflowWrap: "anywhere" }}>{w.url}</span>} />
        <DataTable.Col source="description" disableSort />
        <DataTable.Col<WebhookRecord> source="eventTypes" disableSort render={(w) => <EventTypes types={w.eventTypes ?? null} />} />
        <DataTable.Col source="firmIds" disableSort>
          <ReferenceNames source="firmIds" reference="firms" />
        </DataTable.Col>
        <DataTable.Col<WebhookRecord> source="state" disableSort render={(w) => <WebhookState webhook={w} />} />
        <DataTable.Col source="failingSince" field={SeoulDateField} disableSort />
      </DataTable>
    </CursorList>
  );
}

import { ChipField, ReferenceArrayField, SingleFieldList, useRecordContext, useTranslate } from "react-admin";
import type { WebhookRecord } from "./operations";

/** An endpoint's firm or tag filter by name, or "every firm / report" when it has none. */
export function ReferenceNames({ source, reference }: { source: "firmIds" | "sectorTagIds"; reference: "firms" | "sectorTags" }) {
  const record = useRecordContext<WebhookRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record[source]?.length) return <span>{translate(`resources.webhooks.all.${source}`)}</span>;
  return (
    <ReferenceArrayField source={source} reference={reference}>
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  );
}

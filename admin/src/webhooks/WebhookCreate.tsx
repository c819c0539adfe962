import { Card, CardContent } from "@mui/material";
import { useState } from "react";
import { SaveButton, SimpleForm, Title, Toolbar, useDataProvider, useRedirect, useTranslate, type RaRecord } from "react-admin";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { useServerErrorNotifier } from "../errors";
import { SecretDialog } from "./SecretDialog";
import { WebhookInputs } from "./WebhookInputs";

/**
 * A new endpoint. Not react-admin's <Create>: its answer carries the secret, which is shown once
 * here and kept out of react-admin's record cache; once the admin has stored it, the endpoint opens.
 */
export function WebhookCreate() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const redirect = useRedirect();
  const onError = useServerErrorNotifier();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const save = async (values: Partial<RaRecord>): Promise<void> => {
    try {
      const { webhook, secret } = await dataProvider.createWebhook(values);
      setCreated({ id: webhook.id, secret });
    } catch (error) {
      onError(error);
    }
  };
  return (
    <Card sx={{ mt: 2, wordBreak: "keep-all" }}>
      <Title title={translate("ra.page.create", { name: translate("resources.webhooks.name", { smart_count: 1 }) })} />
      <CardContent>
        <SimpleForm
          onSubmit={save}
          toolbar={
            <Toolbar>
              <SaveButton />
            </Toolbar>
          }
        >
          <WebhookInputs />
        </SimpleForm>
      </CardContent>
      {created && (
        <SecretDialog
          secret={created.secret}
          onClose={() => {
            setCreated(null);
            redirect("show", "webhooks", created.id);
          }}
        />
      )}
    </Card>
  );
}

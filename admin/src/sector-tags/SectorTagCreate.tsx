import { Create } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { SectorTagForm } from "./SectorTagForm";

export function SectorTagCreate() {
  const onError = useServerErrorNotifier();
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <SectorTagForm />
    </Create>
  );
}

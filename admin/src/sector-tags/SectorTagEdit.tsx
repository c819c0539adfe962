import { Edit } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { SectorTagForm } from "./SectorTagForm";

export function SectorTagEdit() {
  const onError = useServerErrorNotifier();
  return (
    <Edit redirect="list" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SectorTagForm />
    </Edit>
  );
}

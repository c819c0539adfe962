import { Edit } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { FirmForm } from "./FirmForm";

export function FirmEdit() {
  const onError = useServerErrorNotifier();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <FirmForm />
    </Edit>
  );
}

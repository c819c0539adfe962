import { Create } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { FirmForm } from "./FirmForm";

export function FirmCreate() {
  const onError = useServerErrorNotifier();
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <FirmForm />
    </Create>
  );
}

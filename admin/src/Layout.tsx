import GavelIcon from "@mui/icons-material/Gavel";
import RateReviewIcon from "@mui/icons-material/RateReview";
import type { ReactNode } from "react";
import { Layout as RaLayout, Menu, useTranslate } from "react-admin";

function AppMenu() {
  const translate = useTranslate();
  return (
    <Menu>
      <Menu.ResourceItems />
      <Menu.Item to="/review" primaryText={translate("menu.review")} leftIcon={<RateReviewIcon />} />
      <Menu.Item to="/compliance" primaryText={translate("menu.compliance")} leftIcon={<GavelIcon />} />
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout menu={AppMenu}>{children}</RaLayout>;
}

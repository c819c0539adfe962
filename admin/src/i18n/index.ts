import polyglotI18nProvider from "ra-i18n-polyglot";
import { catalogs } from "./catalogs";

const LOCALE_KEY = "research-desk.locale";
const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(LOCALE_KEY);

export const i18nProvider = polyglotI18nProvider(
  (locale) => {
    if (typeof localStorage !== "undefined") localStorage.setItem(LOCALE_KEY, locale);
    return catalogs[locale as "ko" | "en"] ?? catalogs.ko;
  },
  stored === "en" ? "en" : "ko",
  [
    { locale: "ko", name: "한국어" },
    { locale: "en", name: "English" },
  ],
  { allowMissing: false },
);

import polyglotI18nProvider from "ra-i18n-polyglot";
import englishMessages from "ra-language-english";
import { mergeTranslations, type TranslationMessages } from "react-admin";
import { messages as analysts } from "../analysts/messages";
import { messages as audit } from "../audit/messages";
import { messages as firms } from "../firms/messages";
import { messages as images } from "../images/messages";
import { messages as reportBody } from "../reports/body/messages";
import { messages as reports } from "../reports/messages";
import { messages as sectorTags } from "../sector-tags/messages";
import { messages as users } from "../users/messages";
import { messages as common } from "./common";
import { raKorean } from "./ra-ko";

/** Every screen's strings, per language; each resource folder keeps its own. */
const parts = [common, reports, reportBody, firms, analysts, sectorTags, users, audit, images];

const catalogs: Record<"ko" | "en", TranslationMessages> = {
  ko: mergeTranslations(raKorean, ...parts.map((p) => p.ko)),
  en: mergeTranslations(englishMessages, ...parts.map((p) => p.en)),
};

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

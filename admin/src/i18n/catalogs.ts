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
import { messages as webhooks } from "../webhooks/messages";
import { messages as common } from "./common";
import { raKorean } from "./ra-ko";

/** Every screen's strings, per language; each resource folder keeps its own. */
const parts = [common, reports, reportBody, firms, analysts, sectorTags, users, webhooks, audit, images];

export const catalogs: Record<"ko" | "en", TranslationMessages> = {
  ko: mergeTranslations(raKorean, ...parts.map((p) => p.ko)),
  en: mergeTranslations(englishMessages, ...parts.map((p) => p.en)),
};

// Shapes of the invented demo catalogue; seed.ts writes them through the services.
export type DemoStatus = "DRAFT" | "IN_REVIEW" | "APPROVED" | "SCHEDULED" | "PUBLISHED" | "RETRACTED";

export interface DemoAnalyst {
  slug: string;
  name: string;
  nameEn: string;
  title: string;
  email: string;
}

export interface DemoFirm {
  slug: string;
  name: string;
  nameEn: string;
  website: string;
  disclaimer: string;
  analysts: DemoAnalyst[];
}

export interface DemoSectorTag {
  slug: string;
  name: string;
  nameEn: string;
}

export interface DemoReport {
  title: string;
  subject: string;
  firmSlug: string;
  analystSlugs: string[];
  tagSlugs: string[];
  summary: string[];
  /** Allow-listed HTML: <h2>, <p>, <ul>, <li>, <strong>. */
  body: string;
  status: DemoStatus;
  /** Days before the seed runs (published, retracted) or after it (scheduled). */
  days: number;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Analyst } from "../analyst/analyst.entity";
import type { Report } from "./report.entity";

/** Authorship with an order: the lead analyst comes first. */
@Entity("report_analysts")
export class ReportAnalyst {
  @PrimaryColumn({ type: "uuid" })
  reportId!: string;

  @PrimaryColumn({ type: "uuid" })
  analystId!: string;

  @Column({ type: "int" })
  position!: number;

  @ManyToOne("Report", "analystLinks", { onDelete: "CASCADE" })
  @JoinColumn({ name: "report_id" })
  report?: Report;

  @ManyToOne("Analyst", "reportLinks", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "analyst_id" })
  analyst?: Analyst;
}

"use server";

import { failed, invalid, mutationFailed, type ActionResult, type MutationResult, localized } from "@/lib/actions/result";
import {
  clearPositions,
  columnsOfTables,
  createTableWithKey,
  loadNeighbourhood,
  savePositions,
  type DiagramColumn,
  type DiagramModel,
} from "@/lib/metadata/diagram";
import { diagramTableSchema, positionsSchema, tableIdsSchema } from "@/lib/schemas/diagram";
import { z } from "zod";
import { say, vmsg } from "@/lib/i18n/messages";

/** Positions dragged on the diagram, kept in _metadata.diagram_layout. */
export async function savePositionsAction(input: unknown): Promise<ActionResult<{ saved: number }>> {
  return localized(async () => {
    const parsed = positionsSchema.safeParse(input);
    if (!parsed.success) return { ok: false, formError: say("server.malformedPositions") };
    try {
      return { ok: true, data: { saved: await savePositions(parsed.data) } };
    } catch (error) {
      return failed(error);
    }
  });
}

/** Auto layout: forget every dragged position. */
export async function resetLayoutAction(): Promise<ActionResult<{ cleared: number }>> {
  return localized(async () => {
    try {
      return { ok: true, data: { cleared: await clearPositions() } };
    } catch (error) {
      return failed(error);
    }
  });
}

/** The columns of the tables a big model's diagram shows (it does not load all of them up front). */
export async function diagramColumnsAction(input: unknown): Promise<ActionResult<DiagramColumn[]>> {
  return localized(async () => {
    const parsed = tableIdsSchema.safeParse(input);
    if (!parsed.success) return { ok: false, formError: vmsg("malformedRequest") };
    try {
      return { ok: true, data: await columnsOfTables(parsed.data) };
    } catch (error) {
      return failed(error);
    }
  });
}

/** A table's page: the table and its neighbours (one relation away), with their columns. */
export async function neighbourhoodAction(input: unknown): Promise<ActionResult<DiagramModel>> {
  return localized(async () => {
    const parsed = z.number().int().positive().safeParse(input);
    if (!parsed.success) return { ok: false, formError: vmsg("malformedRequest") };
    try {
      return { ok: true, data: await loadNeighbourhood(parsed.data) };
    } catch (error) {
      return failed(error);
    }
  });
}

/** New table on the diagram, with its key column, in one transaction. */
export async function createDiagramTableAction(input: unknown): Promise<MutationResult<{ id: number }>> {
  return localized(async () => {
    const parsed = diagramTableSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    try {
      const row = await createTableWithKey(parsed.data);
      return { ok: true, data: { id: row.id } };
    } catch (error) {
      return mutationFailed(error);
    }
  });
}

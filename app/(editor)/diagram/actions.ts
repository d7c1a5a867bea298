"use server";

import { failed, invalid, mutationFailed, type ActionResult, type MutationResult, serverAction } from "@/lib/actions/result";
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
export const savePositionsAction = serverAction(async (input: unknown): Promise<ActionResult<{ saved: number }>> => {
  const parsed = positionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: say("server.malformedPositions") };
  try {
    return { ok: true, data: { saved: await savePositions(parsed.data) } };
  } catch (error) {
    return failed(error);
  }
});

/** Auto layout: forget every dragged position. */
export const resetLayoutAction = serverAction(async (): Promise<ActionResult<{ cleared: number }>> => {
  try {
    return { ok: true, data: { cleared: await clearPositions() } };
  } catch (error) {
    return failed(error);
  }
});

/** The columns of the tables a big model's diagram shows (it does not load all of them up front). */
export const diagramColumnsAction = serverAction(async (input: unknown): Promise<ActionResult<DiagramColumn[]>> => {
  const parsed = tableIdsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: vmsg("malformedRequest") };
  try {
    return { ok: true, data: await columnsOfTables(parsed.data) };
  } catch (error) {
    return failed(error);
  }
});

/** A table's page: the table and its neighbours (one relation away), with their columns. */
export const neighbourhoodAction = serverAction(async (input: unknown): Promise<ActionResult<DiagramModel>> => {
  const parsed = z.number().int().positive().safeParse(input);
  if (!parsed.success) return { ok: false, formError: vmsg("malformedRequest") };
  try {
    return { ok: true, data: await loadNeighbourhood(parsed.data) };
  } catch (error) {
    return failed(error);
  }
});

/** New table on the diagram, with its key column, in one transaction. */
export const createDiagramTableAction = serverAction(async (input: unknown): Promise<MutationResult<{ id: number }>> => {
  const parsed = diagramTableSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const row = await createTableWithKey(parsed.data);
    return { ok: true, data: { id: row.id } };
  } catch (error) {
    return mutationFailed(error);
  }
});

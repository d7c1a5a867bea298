"use server";

import { failed, type ActionResult } from "@/lib/actions/result";
import { getPool } from "@/lib/db/pool";
import { verifyMetadata, type VerifyResult } from "@/lib/metadata/verify";

export async function verifyAction(): Promise<ActionResult<VerifyResult[]>> {
  let client;
  try {
    client = await getPool().connect();
  } catch (error) {
    return failed(error);
  }
  try {
    return { ok: true, data: await verifyMetadata(client) };
  } catch (error) {
    return failed(error);
  } finally {
    client.release();
  }
}

import { z } from "zod";
import { RELATION_TYPES } from "./enums";
import { type FieldKind, identifier, text } from "./fields";

/**
 * A relation as the form edits it: tables by id (the pickers offer only existing ones), columns by name
 * (of those tables). Schema and table names are filled from the ids on the server, so they cannot disagree.
 */
export const relationSchema = z.object({
  from_table_id: z.coerce.number<string | number>().int().positive("Choose the table the relation starts from."),
  from_column: identifier("From column"),
  to_table_id: z.coerce.number<string | number>().int().positive("Choose the table it points to."),
  to_column: identifier("To column"),
  relation_type: z.enum(RELATION_TYPES, { error: "Choose a relation type." }),
  graphql_field: text(100).regex(/^([_A-Za-z][_0-9A-Za-z]*)?$/, "A GraphQL name: letters, digits, _ (camelCase)."),
  is_cascade_delete: z.boolean(),
  constraint_name: text(200).regex(/^([a-z_][a-z0-9_]*)?$/, "A snake_case constraint name."),
});
export type RelationInput = z.input<typeof relationSchema>;
export type RelationValues = z.output<typeof relationSchema>;

/** Fields editable inline in the relations grid (the endpoints change through the form). */
export const relationInlineSchema = relationSchema.pick({
  relation_type: true,
  graphql_field: true,
  is_cascade_delete: true,
  constraint_name: true,
});
export type RelationInlineField = keyof z.infer<typeof relationInlineSchema>;
export const RELATION_FIELD_KINDS: Record<RelationInlineField, FieldKind> = {
  relation_type: "required",
  graphql_field: "text",
  is_cascade_delete: "bool",
  constraint_name: "text",
};

import { z } from "zod";
import { RELATION_TYPES } from "./enums";
import { type FieldKind, identifier, optionalIdentifier, text } from "./fields";
import { identifierProblem } from "./identifier";

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

const graphqlField = text(100).regex(/^([_A-Za-z][_0-9A-Za-z]*)?$/, "A GraphQL name: letters, digits, _ (camelCase).");

/** Relation types whose from side holds the foreign key: the wizard can add that column. */
export const FK_ON_FROM_SIDE = ["ManyToOne", "OneToOne"] as const;

/**
 * The relation wizard (New relation everywhere: Relations page, a table's page, the diagram): the relation
 * itself, plus what to create with it in the same transaction. The foreign-key column replaces from_column
 * (ManyToOne / OneToOne), the junction table carries a ManyToMany, the reverse relation is the other side.
 */
export const relationWizardSchema = relationSchema
  .extend({
    // Checked below: empty when the wizard creates the column.
    from_column: z.string().trim().max(63, "At most 63 bytes."),
    graphql_field: graphqlField,
    create_fk_column: z.boolean(),
    fk_column_name: optionalIdentifier,
    create_junction: z.boolean(),
    junction_table: optionalIdentifier,
    create_reverse: z.boolean(),
    reverse_graphql_field: graphqlField,
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (wizardCreatesFkColumn(v)) {
      if (!v.fk_column_name) issue("fk_column_name", "Name the new foreign-key column.");
    } else {
      const problem = identifierProblem(v.from_column);
      if (problem) issue("from_column", problem === "Enter a name." ? "From column is required." : problem);
    }
    if (wizardCreatesJunction(v) && !v.junction_table) issue("junction_table", "Name the junction table.");
  });
export type RelationWizardInput = z.input<typeof relationWizardSchema>;
export type RelationWizardValues = z.output<typeof relationWizardSchema>;

type WizardChoice = Pick<RelationWizardValues, "relation_type" | "create_fk_column" | "create_junction">;
export const wizardCreatesFkColumn = (v: WizardChoice) =>
  v.create_fk_column && (FK_ON_FROM_SIDE as readonly string[]).includes(v.relation_type);
export const wizardCreatesJunction = (v: WizardChoice) => v.create_junction && v.relation_type === "ManyToMany";

/** Deleting a relation: its version, and whether its reverse goes with it. */
export const deleteRelationSchema = z.object({
  id: z.number().int().positive(),
  rowVersion: z.string().min(1).max(100),
  with_reverse: z.boolean(),
});

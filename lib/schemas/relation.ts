import { z } from "zod";
import { RELATION_TYPES } from "./enums";
import { identifier, idOf, idValue, optionalIdentifier, versionToken } from "./fields";
import { identifierProblem, MAX_IDENTIFIER_BYTES } from "./identifier";
import { boolField, castsOf, enumField, field, kindsOf, labelsOf, schemaOf, textField, entityFields } from "./registry";
import { vmsg } from "../i18n/messages";

/**
 * A relation as the form edits it: tables by id (the pickers offer only existing ones), columns by name
 * (of those tables). Schema and table names are filled from the ids on the server, so they cannot disagree.
 */
export const RELATION_FIELDS = entityFields("relation", {
  from_table_id: field("int", "From table", idOf(() => vmsg("chooseFromTable")), {
    cast: "::bigint",
  }),
  from_column: field("required", "From column", identifier("From column"), { max: MAX_IDENTIFIER_BYTES }),
  to_table_id: field("int", "To table", idOf(() => vmsg("chooseToTable")), { cast: "::bigint" }),
  to_column: field("required", "To column", identifier("To column"), { max: MAX_IDENTIFIER_BYTES }),
  relation_type: enumField("Relation type", RELATION_TYPES, "::_metadata.relation_type_enum", {
    width: 150,
    message: () => vmsg("chooseRelationType"),
  }),
  graphql_field: textField("GraphQL field", 100, {
    pattern: [/^([_A-Za-z][_0-9A-Za-z]*)?$/, () => vmsg("graphqlName")],
    width: 160,
  }),
  is_cascade_delete: boolField("Cascade delete", { width: 120 }),
  constraint_name: textField("Constraint name", MAX_IDENTIFIER_BYTES, {
    pattern: [/^([A-Za-z_][A-Za-z0-9_]*)?$/, () => vmsg("constraintName")],
    width: 220,
  }),
});

export const relationSchema = schemaOf(RELATION_FIELDS);
export type RelationInput = z.input<typeof relationSchema>;
export type RelationValues = z.output<typeof relationSchema>;
export const RELATION_LABELS = labelsOf(RELATION_FIELDS);
export const RELATION_SQL_CASTS = castsOf(RELATION_FIELDS);

/** Fields editable inline in the relations grid (the endpoints change through the form). */
export const RELATION_INLINE_FIELDS = {
  relation_type: RELATION_FIELDS.relation_type,
  graphql_field: RELATION_FIELDS.graphql_field,
  is_cascade_delete: RELATION_FIELDS.is_cascade_delete,
  constraint_name: RELATION_FIELDS.constraint_name,
};
export const relationInlineSchema = schemaOf(RELATION_INLINE_FIELDS);
export type RelationInlineField = keyof typeof RELATION_INLINE_FIELDS;
export const RELATION_FIELD_KINDS = kindsOf(RELATION_INLINE_FIELDS);

const graphqlField = RELATION_FIELDS.graphql_field.schema;

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
    from_column: z.string().trim().max(63, { error: () => vmsg("atMostBytes", { max: 63 }) }),
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
      if (!v.fk_column_name) issue("fk_column_name", vmsg("nameFkColumn"));
    } else {
      const problem = identifierProblem(v.from_column);
      if (problem) issue("from_column", problem === vmsg("enterName") ? vmsg("fromColumnRequired") : problem);
    }
    if (wizardCreatesJunction(v) && !v.junction_table) issue("junction_table", vmsg("nameJunction"));
  });
export type RelationWizardInput = z.input<typeof relationWizardSchema>;
export type RelationWizardValues = z.output<typeof relationWizardSchema>;

type WizardChoice = Pick<RelationWizardValues, "relation_type" | "create_fk_column" | "create_junction">;
export const wizardCreatesFkColumn = (v: WizardChoice) =>
  v.create_fk_column && (FK_ON_FROM_SIDE as readonly string[]).includes(v.relation_type);
export const wizardCreatesJunction = (v: WizardChoice) => v.create_junction && v.relation_type === "ManyToMany";

/** Deleting a relation: its version, and whether its reverse goes with it. */
export const deleteRelationSchema = z.object({
  id: idValue,
  rowVersion: versionToken,
  with_reverse: z.boolean(),
});

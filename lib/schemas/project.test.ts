import { describe, expect, it } from "vitest";
import { projectDefaults } from "../metadata/project-defaults";
import { PROJECT_JSON_COLUMNS, projectSchema, projectWizardSchema } from "./project";

const env = { PROJECT_ID: "My Shop", PROJECT_NAME: "My Shop", PROJECT_ROOT_PATH: "/srv/my-shop" };
const wizard = projectDefaults(env, "shop_db", "18.1");

/** A valid Project-page form: the wizard's defaults, minus wizard-only fields, plus every other column. */
const { tech_stack: _t, generation_output_dir: _g, generation_include_comments: _c, generation_prettier: _p, ...rest } = wizard;
const project = {
  ...rest,
  default_schema: "public",
  owner_id: "",
  created_by: "12",
  updated_by: "",
  readme_template: "",
  last_generation_at: "",
  last_sync_at: "2024-05-01T10:30",
  ...PROJECT_JSON_COLUMNS,
  rowVersion: "2024-05-01 10:30:00.123456+00",
};

function issuesAt(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => [i.path.join("."), i.message]);
}

describe("projectWizardSchema", () => {
  it("accepts the defaults", () => {
    expect(projectWizardSchema.safeParse(wizard)).toMatchObject({ success: true });
  });

  it.each([
    ["project_id", "My Shop", /slug/],
    ["project_id", "shop--x", /slug/],
    ["project_id", "", /Project id is required/],
    ["project_name", "   ", /Project name is required/],
    ["root_path", "", /Root path is required/],
    ["tech_stack", "{not json", /Not valid JSON/],
    ["tech_stack", "42", /Must be a JSON object/],
    ["tech_stack", "[1, 2]", /Must be a JSON object/],
    ["version", "1.0", /A version like 1.0.0/],
    ["version", "v1.0.0", /A version like 1.0.0/],
    ["git_repository", "github.com/acme/shop", /A repository URL/],
    ["git_repository", "https://exa mple.com/x.git", /A repository URL/],
    ["git_branch", "feature branch", /A branch name/],
    ["node_version", "twenty", /A Node.js version/],
    ["template", "HUGE", /Choose a template/],
    ["status", "DONE", /Choose a status/],
    ["project_name", "x".repeat(201), /At most 200 characters/],
  ])("refuses %s = %j on that path", (field, value, message) => {
    const issues = issuesAt(projectWizardSchema.safeParse({ ...wizard, [field]: value }));
    expect(issues.map(([path]) => path)).toEqual(issues.map(() => field));
    expect(issues.map(([, m]) => m).join(" | ")).toMatch(message);
  });

  it("accepts empty optional text and the usual repository forms", () => {
    for (const git_repository of ["", "https://github.com/acme/shop.git", "git@github.com:acme/shop.git", "ssh://git@host/x.git", "/srv/git/shop"]) {
      expect(projectWizardSchema.safeParse({ ...wizard, git_repository, version: "", node_version: "" }).success, git_repository).toBe(true);
    }
    expect(projectWizardSchema.safeParse({ ...wizard, version: "2.0.0-rc.1" }).success).toBe(true);
  });
});

describe("projectSchema (the Project page)", () => {
  it("accepts every column at once, the seed's JSON examples included", () => {
    const parsed = projectSchema.safeParse(project);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({ created_by: "12", plugins: '["audit-log", "soft-delete"]' });
  });

  it.each([
    ["project_id", "Bad Slug", /slug/],
    ["project_name", "", /Project name is required/],
    ["database_config", "{oops}", /Not valid JSON/],
    ["tags", '"single"', /Must be a JSON object or array/],
    ["metadata", "null", /Must be a JSON object or array/],
    ["version", "1.x.0", /A version like 1.0.0/],
    ["git_repository", "not a url", /A repository URL/],
    ["owner_id", "12a", /A whole number, or empty/],
    ["created_by", "-1", /A whole number, or empty/],
    ["updated_by", "1.5", /A whole number, or empty/],
    ["owner_id", "1".repeat(16), /A whole number, or empty/],
    ["last_sync_at", "yesterday", /A date and time such as .*, or empty/],
    ["last_sync_at", "+275760-09-13", /A date and time such as .*, or empty/],
    ["last_generation_at", "2024-02-30T10:00", /A date and time such as .*, or empty/],
    ["readme_template", "a\u0000b", /NUL/],
    // The keys the code generators read: a wrong type was read as the default without a word.
    ["generation_config", '{"prettier": "no"}', /generation_config.prettier must be true or false/],
    ["generation_config", '{"includeComments": 0}', /generation_config.includeComments must be true or false/],
    ["generation_config", '{"outputDir": 5}', /generation_config.outputDir must be a non-empty text/],
    ["generation_config", '{"outputDir": " "}', /generation_config.outputDir must be a non-empty text/],
    ["generation_config", '["./src"]', /Must be a JSON object/],
    ["rowVersion", "", /.+/],
  ])("refuses %s = %j on that path", (field, value, message) => {
    const issues = issuesAt(projectSchema.safeParse({ ...project, [field]: value }));
    expect(issues.map(([path]) => path)).toEqual(issues.map(() => field));
    expect(issues.map(([, m]) => m).join(" | ")).toMatch(message);
  });

  it("generation_config: the spec's example and keys of the project's own pass", () => {
    const config = '{"outputDir": "./src/generated", "includeComments": false, "prettier": true, "typescript": {"strict": true, "target": "ES2022"}}';
    expect(projectSchema.safeParse({ ...project, generation_config: config }).success).toBe(true);
    expect(projectSchema.safeParse({ ...project, generation_config: '{"custom": 1}' }).success).toBe(true);
  });

  it("JSON columns may be empty (NULL)", () => {
    const empty = Object.fromEntries(Object.keys(PROJECT_JSON_COLUMNS).map((k) => [k, ""]));
    expect(projectSchema.safeParse({ ...project, ...empty }).success).toBe(true);
  });
});

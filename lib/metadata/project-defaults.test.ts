import { describe, expect, it } from "vitest";
import { projectWizardSchema } from "../schemas/project";
import { projectDefaults, slugify } from "./project-defaults";

const env = { PROJECT_ID: "My Shop", PROJECT_NAME: "My Shop", PROJECT_ROOT_PATH: "/srv/my-shop" };
const wizard = projectDefaults(env, "shop_db", "18.1");

describe("projectDefaults", () => {
  it("uses PROJECT_* first and slugs the id", () => {
    expect(wizard).toMatchObject({ project_id: "my-shop", project_name: "My Shop", root_path: "/srv/my-shop", template: "BASIC", status: "PLANNING" });
    expect(JSON.parse(wizard.tech_stack)).toMatchObject({ database: "PostgreSQL 18.1" });
    expect(projectDefaults({ PROJECT_ROOT_PATH: "/x" }, "Shop_DB").project_id).toBe("shop-db");
    expect(slugify("  Hello, World! ")).toBe("hello-world");
  });

  it("slugify drops diacritics instead of splitting words on them", () => {
    expect(slugify("Héllo Wörld")).toBe("hello-world");
    expect(slugify("Café Crème")).toBe("cafe-creme");
  });
});

describe("projectDefaults fallbacks", () => {
  it("without PROJECT_* uses the database name, the cwd and a name equal to the id", () => {
    const d = projectDefaults({}, "Shop_DB");
    expect(d).toMatchObject({ project_id: "shop-db", project_name: "shop-db", root_path: process.cwd(), git_repository: "", description: "" });
    expect(projectWizardSchema.safeParse(d).success).toBe(true);
  });

  it("falls back to my-project when nothing yields a slug", () => {
    expect(projectDefaults({ PROJECT_ID: "!!!" }, "").project_id).toBe("my-project");
  });

  it("slugs are at most 100 characters (project_id is VARCHAR(100))", () => {
    expect(slugify("a".repeat(150))).toHaveLength(100);
  });
});

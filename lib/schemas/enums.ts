/** The spec's enums, in the spec's order (the database's order is checked against these in tests). */
export const RELATION_TYPES = ["OneToOne", "OneToMany", "ManyToOne", "ManyToMany"] as const;
export const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;
export const PROJECT_STATUSES = [
  "PLANNING",
  "DEVELOPMENT",
  "TESTING",
  "STAGING",
  "PRODUCTION",
  "MAINTENANCE",
  "ARCHIVED",
] as const;
export const PROJECT_TEMPLATES = [
  "BASIC",
  "ECOMMERCE",
  "CMS",
  "DASHBOARD",
  "API_ONLY",
  "MOBILE_BACKEND",
  "MICROSERVICE",
] as const;
export const PACKAGE_MANAGERS = ["npm", "pnpm", "yarn", "bun"] as const;

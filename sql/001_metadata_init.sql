-- ============================================
-- Metadata system initialization (the spec's "완전한 초기화 스크립트")
-- ============================================
-- Exactly the spec's objects, with only these fixes (README.md, "The _metadata schema and the spec's SQL"):
--   1. schema _metadata is created;
--   2. idempotent (IF NOT EXISTS / CREATE OR REPLACE / guarded DO blocks) and atomic (one transaction);
--   3. COMMENT ON COLUMN statements are schema-qualified;
--   4. the trigger function lives in _metadata, not public;
--   5. idx_metadata_sync_log_record is created;
--   6. mappings_api_endpoint.updated_at gets its trigger;
--   7. (verification looks in _metadata: lib/metadata/verify.ts).
-- Run by `npm run metadata:init` or the setup wizard; by hand: psql -v ON_ERROR_STOP=1 -f sql/001_metadata_init.sql
-- "-- @step" lines name the progress steps the runner reports; BEGIN/COMMIT are the runner's too.
-- ============================================

BEGIN;

-- Serializes concurrent runs (two wizard tabs, CLI and wizard at once).
SELECT pg_advisory_xact_lock(hashtext('metadata-editor:init'));

-- @step schema: _metadata schema created
CREATE SCHEMA IF NOT EXISTS _metadata;
COMMENT ON SCHEMA _metadata IS '메타데이터 기반 개발 시스템의 메타데이터 저장소';

-- PostgreSQL 확장 설치
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- @step enums: ENUM types created
DO $$
BEGIN
    IF to_regtype('_metadata.relation_type_enum') IS NULL THEN
        CREATE TYPE _metadata.relation_type_enum AS ENUM (
            'OneToOne', 'OneToMany', 'ManyToOne', 'ManyToMany'
        );
    END IF;
    IF to_regtype('_metadata.http_method_enum') IS NULL THEN
        CREATE TYPE _metadata.http_method_enum AS ENUM (
            'GET', 'POST', 'PUT', 'DELETE', 'PATCH'
        );
    END IF;
    IF to_regtype('_metadata.project_status_enum') IS NULL THEN
        CREATE TYPE _metadata.project_status_enum AS ENUM (
            'PLANNING', 'DEVELOPMENT', 'TESTING', 'STAGING', 'PRODUCTION', 'MAINTENANCE', 'ARCHIVED'
        );
    END IF;
    IF to_regtype('_metadata.project_template_enum') IS NULL THEN
        CREATE TYPE _metadata.project_template_enum AS ENUM (
            'BASIC', 'ECOMMERCE', 'CMS', 'DASHBOARD', 'API_ONLY', 'MOBILE_BACKEND', 'MICROSERVICE'
        );
    END IF;
END $$;

-- @step tables: metadata tables created
-- 1. 테이블 메타데이터
CREATE TABLE IF NOT EXISTS _metadata.mappings_table (
    id BIGSERIAL PRIMARY KEY,
    schema_name VARCHAR(100) NOT NULL DEFAULT 'public',
    table_name VARCHAR(100) NOT NULL,
    graphql_type VARCHAR(100),
    label VARCHAR(200) NOT NULL,
    description TEXT,
    primary_key VARCHAR(100) DEFAULT 'id',
    is_api_enabled BOOLEAN DEFAULT TRUE,
    api_permissions JSONB,
    table_constraints JSONB,
    indexes JSONB,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE(schema_name, table_name)
);

COMMENT ON TABLE _metadata.mappings_table IS '테이블 레벨 메타데이터';
COMMENT ON COLUMN _metadata.mappings_table.api_permissions IS
    '예: {"read": "public", "write": "authenticated", "delete": "admin"}';
COMMENT ON COLUMN _metadata.mappings_table.table_constraints IS
    '예: {"checks": [{"name": "check_status", "condition": "status IN (''ACTIVE'', ''INACTIVE'')"}]}';
COMMENT ON COLUMN _metadata.mappings_table.indexes IS
    '예: [{"columns": ["email"], "type": "UNIQUE"}, {"columns": ["created_at"], "type": "BTREE"}]';

-- 2. 컬럼 메타데이터
CREATE TABLE IF NOT EXISTS _metadata.mappings_column (
    id BIGSERIAL PRIMARY KEY,
    table_id BIGINT REFERENCES _metadata.mappings_table(id) ON DELETE CASCADE,
    schema_name VARCHAR(100) NOT NULL,
    table_name VARCHAR(100) NOT NULL,

    -- DB
    pg_column VARCHAR(100) NOT NULL,
    pg_type VARCHAR(100),
    pg_constraints JSONB,

    -- GraphQL
    graphql_field VARCHAR(100),
    graphql_type VARCHAR(50),
    graphql_resolver TEXT,
    is_graphql_input BOOLEAN DEFAULT TRUE,
    is_graphql_output BOOLEAN DEFAULT TRUE,

    -- UI
    label VARCHAR(200) NOT NULL,
    form_type VARCHAR(50) DEFAULT 'text',
    is_required BOOLEAN DEFAULT FALSE,
    is_visible BOOLEAN DEFAULT TRUE,
    sort_order INTEGER DEFAULT 0,

    -- Validation
    default_value TEXT,
    enum_options JSONB,
    validation_rules JSONB,

    -- Help
    placeholder VARCHAR(200),
    help_text TEXT,

    -- API Source
    api_source_key VARCHAR(200),
    api_source_path VARCHAR(500),
    api_source_type VARCHAR(100),
    data_transformation JSONB,
    is_api_field BOOLEAN DEFAULT FALSE,
    api_default_value TEXT,
    api_endpoints JSONB,

    -- Permissions
    permission_read VARCHAR(100) DEFAULT 'public',
    permission_write VARCHAR(100) DEFAULT 'authenticated',

    -- Search
    is_searchable BOOLEAN DEFAULT FALSE,
    is_sortable BOOLEAN DEFAULT TRUE,
    is_filterable BOOLEAN DEFAULT TRUE,
    search_config JSONB,

    -- Index
    is_primary_key BOOLEAN DEFAULT FALSE,
    is_unique BOOLEAN DEFAULT FALSE,
    is_indexed BOOLEAN DEFAULT FALSE,
    index_config JSONB,

    -- Audit
    comment TEXT,
    remark TEXT,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),

    UNIQUE(schema_name, table_name, pg_column)
);

COMMENT ON TABLE _metadata.mappings_column IS '컬럼 레벨 메타데이터';
COMMENT ON COLUMN _metadata.mappings_column.pg_constraints IS
    '예: {"notNull": true, "default": "ACTIVE", "check": "status IN (''ACTIVE'', ''INACTIVE'')"}';
COMMENT ON COLUMN _metadata.mappings_column.enum_options IS
    '예: [{"value": "ACTIVE", "label": "활성"}, {"value": "INACTIVE", "label": "비활성"}]';
COMMENT ON COLUMN _metadata.mappings_column.validation_rules IS
    '예: {"minLength": 3, "maxLength": 50, "pattern": "^[a-zA-Z0-9]+$", "email": true}';
COMMENT ON COLUMN _metadata.mappings_column.search_config IS
    '예: {"weight": "A", "language": "korean", "boost": 2.0}';

-- 3. 관계 메타데이터
CREATE TABLE IF NOT EXISTS _metadata.mappings_relation (
    id BIGSERIAL PRIMARY KEY,
    from_table_id BIGINT REFERENCES _metadata.mappings_table(id) ON DELETE CASCADE,
    to_table_id BIGINT REFERENCES _metadata.mappings_table(id) ON DELETE CASCADE,
    from_schema VARCHAR(100) NOT NULL,
    from_table VARCHAR(100) NOT NULL,
    from_column VARCHAR(100) NOT NULL,
    to_schema VARCHAR(100) NOT NULL,
    to_table VARCHAR(100) NOT NULL,
    to_column VARCHAR(100) NOT NULL,
    relation_type _metadata.relation_type_enum NOT NULL,
    graphql_field VARCHAR(100),
    is_cascade_delete BOOLEAN DEFAULT FALSE,
    constraint_name VARCHAR(200),
    created_at TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE(from_schema, from_table, from_column, to_schema, to_table, to_column)
);

COMMENT ON TABLE _metadata.mappings_relation IS '테이블 간 관계 정의';

-- 4. 프로젝트 정보 (단일 레코드)
CREATE TABLE IF NOT EXISTS _metadata.project (
    id BIGSERIAL PRIMARY KEY,
    project_id VARCHAR(100) NOT NULL,
    project_name VARCHAR(200) NOT NULL,
    description TEXT,
    root_path VARCHAR(500) NOT NULL,
    backend_path VARCHAR(200) DEFAULT './backend',
    frontend_path VARCHAR(200) DEFAULT './frontend',
    database_path VARCHAR(200) DEFAULT './database',
    template _metadata.project_template_enum DEFAULT 'BASIC',
    status _metadata.project_status_enum DEFAULT 'PLANNING',
    version VARCHAR(50) DEFAULT '1.0.0',
    tech_stack JSONB,
    package_manager VARCHAR(20) DEFAULT 'npm',
    node_version VARCHAR(20),
    database_config JSONB,
    default_schema VARCHAR(100) DEFAULT 'public',
    generation_config JSONB,
    auto_generation BOOLEAN DEFAULT TRUE,
    watch_mode BOOLEAN DEFAULT TRUE,
    git_repository VARCHAR(500),
    git_branch VARCHAR(100) DEFAULT 'main',
    owner_id BIGINT,
    team_members JSONB,
    deployment_config JSONB,
    environments JSONB,
    api_config JSONB,
    external_services JSONB,
    dev_tools_config JSONB,
    linting_config JSONB,
    testing_config JSONB,
    plugins JSONB,
    custom_generators JSONB,
    readme_template TEXT,
    documentation_config JSONB,
    tags JSONB,
    metadata JSONB,
    created_by BIGINT,
    updated_by BIGINT,
    last_generation_at TIMESTAMPTZ,
    last_sync_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW(),

    -- 제약조건: 단일 프로젝트만 저장
    CONSTRAINT single_project CHECK (id = 1)
);

COMMENT ON TABLE _metadata.project IS '프로젝트 정보 (단일 레코드)';
COMMENT ON COLUMN _metadata.project.tech_stack IS
    '예: {"backend": "Node.js + TypeScript + GraphQL", "frontend": "Next.js + React 19", "database": "PostgreSQL 16"}';
COMMENT ON COLUMN _metadata.project.database_config IS
    '예: {"host": "localhost", "port": 5432, "database": "myapp_dev", "ssl": false}';
COMMENT ON COLUMN _metadata.project.generation_config IS
    '예: {"outputDir": "./src/generated", "includeComments": true, "prettier": true}';

-- 5. API 엔드포인트 (외부 API 연동 시)
CREATE TABLE IF NOT EXISTS _metadata.mappings_api_endpoint (
    id BIGSERIAL PRIMARY KEY,
    endpoint_name VARCHAR(100) NOT NULL UNIQUE,
    base_url VARCHAR(500) NOT NULL,
    method _metadata.http_method_enum DEFAULT 'GET',
    headers JSONB,
    auth_config JSONB,
    rate_limit_config JSONB,
    timeout_ms INTEGER DEFAULT 30000,
    retry_config JSONB,
    cache_config JSONB,
    request_mapping JSONB,
    response_mapping JSONB,
    description TEXT,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
);

COMMENT ON TABLE _metadata.mappings_api_endpoint IS '외부 API 엔드포인트 설정';
COMMENT ON COLUMN _metadata.mappings_api_endpoint.auth_config IS
    '예: {"type": "Bearer", "tokenField": "access_token", "refreshUrl": "/oauth/token"}';
COMMENT ON COLUMN _metadata.mappings_api_endpoint.rate_limit_config IS
    '예: {"maxRequests": 100, "windowMs": 60000}';
COMMENT ON COLUMN _metadata.mappings_api_endpoint.retry_config IS
    '예: {"maxRetries": 3, "backoff": "exponential", "initialDelay": 1000}';

-- 6. 변경 이력 (이력 관리 필요 시)
CREATE TABLE IF NOT EXISTS _metadata.metadata_sync_log (
    id BIGSERIAL PRIMARY KEY,
    table_name VARCHAR(100) NOT NULL,
    operation VARCHAR(20) NOT NULL,
    record_id BIGINT,
    old_data JSONB,
    new_data JSONB,
    code_generated BOOLEAN DEFAULT FALSE,
    generation_time_ms INTEGER,
    changed_by BIGINT,
    changed_at TIMESTAMPTZ DEFAULT NOW()
);

COMMENT ON TABLE _metadata.metadata_sync_log IS '메타데이터 변경 이력';

-- @step indexes: indexes created
-- JSONB GIN 인덱스
CREATE INDEX IF NOT EXISTS idx_mappings_column_enum_options
ON _metadata.mappings_column USING GIN (enum_options);

CREATE INDEX IF NOT EXISTS idx_mappings_column_validation_rules
ON _metadata.mappings_column USING GIN (validation_rules);

CREATE INDEX IF NOT EXISTS idx_project_tech_stack
ON _metadata.project USING GIN (tech_stack);

-- 부분 인덱스
CREATE INDEX IF NOT EXISTS idx_mappings_column_api_fields
ON _metadata.mappings_column (table_name, pg_column)
WHERE is_api_field = TRUE;

CREATE INDEX IF NOT EXISTS idx_mappings_column_searchable
ON _metadata.mappings_column (table_name)
WHERE is_searchable = TRUE;

-- 복합 인덱스
CREATE INDEX IF NOT EXISTS idx_mappings_column_table_order
ON _metadata.mappings_column (schema_name, table_name, sort_order);

CREATE INDEX IF NOT EXISTS idx_project_status
ON _metadata.project(status);

CREATE INDEX IF NOT EXISTS idx_metadata_sync_log_table
ON _metadata.metadata_sync_log(table_name, changed_at DESC);

-- Fix 5: in the spec only in the table section.
CREATE INDEX IF NOT EXISTS idx_metadata_sync_log_record
ON _metadata.metadata_sync_log(table_name, record_id);

-- @step triggers: triggers created
-- Fix 4: in _metadata, not public.
CREATE OR REPLACE FUNCTION _metadata.update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER trigger_mappings_table_updated_at
    BEFORE UPDATE ON _metadata.mappings_table
    FOR EACH ROW
    EXECUTE FUNCTION _metadata.update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_mappings_column_updated_at
    BEFORE UPDATE ON _metadata.mappings_column
    FOR EACH ROW
    EXECUTE FUNCTION _metadata.update_updated_at_column();

CREATE OR REPLACE TRIGGER trigger_project_updated_at
    BEFORE UPDATE ON _metadata.project
    FOR EACH ROW
    EXECUTE FUNCTION _metadata.update_updated_at_column();

-- Fix 6: the spec gives mappings_api_endpoint an updated_at but no trigger.
CREATE OR REPLACE TRIGGER trigger_mappings_api_endpoint_updated_at
    BEFORE UPDATE ON _metadata.mappings_api_endpoint
    FOR EACH ROW
    EXECUTE FUNCTION _metadata.update_updated_at_column();

-- @step history: change history triggers created
-- Addition (allowed by SPEC): metadata_sync_log is filled by the database itself, so changes made with
-- psql are recorded too. changed_by: the editor sets metadata_editor.changed_by; otherwise the OID of
-- the database role that made the change. An UPDATE that changes nothing but updated_at is not logged.
-- A backup restore sets metadata_editor.suppress_log = 'on' (transaction-local): it puts the backup's own
-- log back, so the restored metadata equals the backup exactly. Any session can set that variable, so it is
-- obeyed only for a session whose role owns the _metadata schema (or is a member of its owner): the owner
-- could drop the triggers anyway; a role that may only edit the metadata cannot switch its log off.
-- Statement-level with transition tables: one INSERT … SELECT per statement writes the same rows a per-row
-- trigger wrote one call at a time (a 20,000-column import spent most of its database time in per-row calls).
-- PostgreSQL allows transition tables only on single-event triggers, hence three triggers per table.
CREATE OR REPLACE FUNCTION _metadata.log_metadata_change()
RETURNS TRIGGER AS $$
DECLARE
    actor BIGINT;
BEGIN
    -- A statement that touched no row logs and announces nothing (a row trigger would not have fired).
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    actor := COALESCE(
        NULLIF(current_setting('metadata_editor.changed_by', true), '')::bigint,
        (SELECT oid::bigint FROM pg_roles WHERE rolname = session_user));
    -- `metadata:generate --watch` LISTENs on metadata_changed; NOTIFY is delivered at commit and folded to one
    -- per table and transaction. A generation run's own bookkeeping (project.last_generation_at) is no change.
    -- (Nested IFs: a query naming old_rows may only be planned in a trigger that has it.)
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'project' THEN
        IF EXISTS (
            SELECT 1
              FROM (SELECT row_number() OVER () AS i, to_jsonb(r) AS j FROM old_rows r) o
              JOIN (SELECT row_number() OVER () AS i, to_jsonb(r) AS j FROM new_rows r) n USING (i)
             WHERE o.j - '{updated_at,last_generation_at}'::text[] <> n.j - '{updated_at,last_generation_at}'::text[]) THEN
            PERFORM pg_notify('metadata_changed', TG_TABLE_NAME);
        END IF;
    ELSE
        PERFORM pg_notify('metadata_changed', TG_TABLE_NAME);
    END IF;
    IF current_setting('metadata_editor.suppress_log', true) = 'on'
       AND pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = '_metadata'), 'MEMBER') THEN
        RETURN NULL;
    END IF;
    -- Rows are logged in the order the statement changed them (the transition tables keep that order).
    IF TG_OP = 'INSERT' THEN
        INSERT INTO _metadata.metadata_sync_log (table_name, operation, record_id, new_data, changed_by)
        SELECT TG_TABLE_NAME, TG_OP, r.id, to_jsonb(r), actor FROM new_rows r;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Old and new images are paired by position, not by id: PostgreSQL appends each updated row's two
        -- images to the two transition tables together, and an UPDATE may change the id itself.
        INSERT INTO _metadata.metadata_sync_log (table_name, operation, record_id, old_data, new_data, changed_by)
        SELECT TG_TABLE_NAME, TG_OP, n.id, o.j, n.j, actor
          FROM (SELECT row_number() OVER () AS i, to_jsonb(r) AS j FROM old_rows r) o
          JOIN (SELECT row_number() OVER () AS i, r.id, to_jsonb(r) AS j FROM new_rows r) n USING (i)
         WHERE o.j - 'updated_at' <> n.j - 'updated_at'
         ORDER BY i;
    ELSE
        INSERT INTO _metadata.metadata_sync_log (table_name, operation, record_id, old_data, changed_by)
        SELECT TG_TABLE_NAME, TG_OP, r.id, to_jsonb(r), actor FROM old_rows r;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog;
-- SECURITY DEFINER: a role allowed to edit the metadata need not be allowed to write the log itself;
-- session_user (above) still names who made the change.

-- Upgrade: databases initialized before the log became statement-level have one row-level trigger per table.
DROP TRIGGER IF EXISTS trigger_project_sync_log ON _metadata.project;
DROP TRIGGER IF EXISTS trigger_mappings_table_sync_log ON _metadata.mappings_table;
DROP TRIGGER IF EXISTS trigger_mappings_column_sync_log ON _metadata.mappings_column;
DROP TRIGGER IF EXISTS trigger_mappings_relation_sync_log ON _metadata.mappings_relation;
DROP TRIGGER IF EXISTS trigger_mappings_api_endpoint_sync_log ON _metadata.mappings_api_endpoint;

CREATE OR REPLACE TRIGGER trigger_project_insert_sync_log
    AFTER INSERT ON _metadata.project REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_project_update_sync_log
    AFTER UPDATE ON _metadata.project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_project_delete_sync_log
    AFTER DELETE ON _metadata.project REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();

CREATE OR REPLACE TRIGGER trigger_mappings_table_insert_sync_log
    AFTER INSERT ON _metadata.mappings_table REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_table_update_sync_log
    AFTER UPDATE ON _metadata.mappings_table REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_table_delete_sync_log
    AFTER DELETE ON _metadata.mappings_table REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();

CREATE OR REPLACE TRIGGER trigger_mappings_column_insert_sync_log
    AFTER INSERT ON _metadata.mappings_column REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_column_update_sync_log
    AFTER UPDATE ON _metadata.mappings_column REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_column_delete_sync_log
    AFTER DELETE ON _metadata.mappings_column REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();

CREATE OR REPLACE TRIGGER trigger_mappings_relation_insert_sync_log
    AFTER INSERT ON _metadata.mappings_relation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_relation_update_sync_log
    AFTER UPDATE ON _metadata.mappings_relation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_relation_delete_sync_log
    AFTER DELETE ON _metadata.mappings_relation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();

CREATE OR REPLACE TRIGGER trigger_mappings_api_endpoint_insert_sync_log
    AFTER INSERT ON _metadata.mappings_api_endpoint REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_api_endpoint_update_sync_log
    AFTER UPDATE ON _metadata.mappings_api_endpoint REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();
CREATE OR REPLACE TRIGGER trigger_mappings_api_endpoint_delete_sync_log
    AFTER DELETE ON _metadata.mappings_api_endpoint REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION _metadata.log_metadata_change();

-- @step layout: diagram layout table created
-- Addition (allowed by SPEC): where the diagram keeps the position the user dragged each table to. The
-- spec's tables have no place for it; one row per table, removed with the table. Not logged in the history:
-- moving boxes is not a change to the model.
CREATE TABLE IF NOT EXISTS _metadata.diagram_layout (
    id BIGSERIAL PRIMARY KEY,
    table_id BIGINT NOT NULL UNIQUE REFERENCES _metadata.mappings_table(id) ON DELETE CASCADE,
    pos_x INTEGER NOT NULL,
    pos_y INTEGER NOT NULL
);

COMMENT ON TABLE _metadata.diagram_layout IS 'Diagram positions of tables (Metadata Editor addition)';

COMMIT;

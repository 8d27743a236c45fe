-- SQLite's behaviour that PocketBase's SQL relies on, for PostgreSQL. Installed (again) by every node at start-up,
-- in one transaction under an advisory lock; every statement is idempotent. Statements are separated by lines
-- holding only "--;".

-- Column types keep SQLite's declared type visible to view collections (information in pg_type), while storing
-- what SQLite stores: JSON as text, booleans as 0/1, numbers as doubles.
DO $$ BEGIN CREATE DOMAIN pb_json AS text COLLATE "C"; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
--;
DO $$ BEGIN CREATE DOMAIN pb_bool AS integer; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
--;
DO $$ BEGIN CREATE DOMAIN pb_number AS double precision; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
--;
-- booleans are 0/1 in SQLite and in pb4j's columns, so a predicate compares with an integer: (a = b) = 0
CREATE OR REPLACE FUNCTION pb_bool_eq_int(a boolean, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT a = (b <> 0) $$;
--;
CREATE OR REPLACE FUNCTION pb_int_eq_bool(a integer, b boolean) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (a <> 0) = b $$;
--;
CREATE OR REPLACE FUNCTION pb_bool_ne_int(a boolean, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT a <> (b <> 0) $$;
--;
CREATE OR REPLACE FUNCTION pb_int_ne_bool(a integer, b boolean) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (a <> 0) <> b $$;
--;
DO $$ BEGIN
    CREATE OPERATOR = (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = pb_bool_eq_int, COMMUTATOR = =, NEGATOR = <>);
    CREATE OPERATOR = (LEFTARG = integer, RIGHTARG = boolean, FUNCTION = pb_int_eq_bool, COMMUTATOR = =, NEGATOR = <>);
    CREATE OPERATOR <> (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = pb_bool_ne_int, COMMUTATOR = <>, NEGATOR = =);
    CREATE OPERATOR <> (LEFTARG = integer, RIGHTARG = boolean, FUNCTION = pb_int_ne_bool, COMMUTATOR = <>, NEGATOR = =);
EXCEPTION WHEN duplicate_function OR duplicate_object THEN NULL;
END $$;
--;
CREATE OR REPLACE FUNCTION pb_hex(b bytea) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT upper(encode(b, 'hex')) $$;
--;
CREATE OR REPLACE FUNCTION pb_hex(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT upper(encode(convert_to(t, 'UTF8'), 'hex')) $$;
--;
CREATE OR REPLACE FUNCTION pb_randomblob(n integer) RETURNS bytea LANGUAGE sql VOLATILE PARALLEL SAFE
AS $$ SELECT substring(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) FROM 1 FOR greatest(n, 1)) $$;
--;
CREATE OR REPLACE FUNCTION pb_iif(c boolean, a anyelement, b anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE WHEN c THEN a ELSE b END $$;
--;
CREATE OR REPLACE FUNCTION pb_instr(s text, sub text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT strpos(s, sub) $$;
--;
-- geoDistance() takes lon/lat out of JSON text: SQLite's math functions accept text that reads as a number
CREATE OR REPLACE FUNCTION radians(t text) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT pg_catalog.radians(t::double precision) $$;
--;
CREATE OR REPLACE FUNCTION pb_json_valid(t text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(t IS JSON, false) $$;
--;
CREATE OR REPLACE FUNCTION pb_json_type(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN t IS JSON THEN (SELECT CASE json_typeof(j)
        WHEN 'string' THEN 'text'
        WHEN 'number' THEN CASE WHEN j::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END
        WHEN 'boolean' THEN j::text
        ELSE json_typeof(j) END FROM (SELECT t::json AS j) x) END $$;
--;
-- a JSON value as SQLite hands it to SQL: strings unquoted, booleans 1/0, objects and arrays as JSON text
CREATE OR REPLACE FUNCTION pb_json_scalar(j json) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE json_typeof(j)
        WHEN 'string' THEN j #>> '{}'
        WHEN 'null' THEN NULL
        WHEN 'boolean' THEN CASE WHEN j::text = 'true' THEN '1' ELSE '0' END
        ELSE j::text END $$;
--;
-- '$', '$.a.b', '$[0]', '$.a[#-1]' as a path of keys for #>
CREATE OR REPLACE FUNCTION pb_json_path(p text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(m[1] ORDER BY n), '{}')
      FROM regexp_matches(replace(replace(p, '[#', '['), '"', ''), '(?:\.|\[)([^.\[\]]+)\]?', 'g') WITH ORDINALITY AS r(m, n) $$;
--;
CREATE OR REPLACE FUNCTION pb_json_extract(t text, p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN t IS JSON THEN pb_json_scalar(t::json #> pb_json_path(p)) END $$;
--;
CREATE OR REPLACE FUNCTION pb_json_array() RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT '[]'::text $$;
--;
CREATE OR REPLACE FUNCTION pb_json_array(VARIADIC v text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT array_to_json(v)::text $$;
--;
CREATE OR REPLACE FUNCTION pb_json_object(k text, v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT json_build_object(k, v)::text $$;
--;
CREATE OR REPLACE FUNCTION pb_json_set(t text, p text, v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT jsonb_set(coalesce(nullif(t, ''), '{}')::jsonb, pb_json_path(p), CASE WHEN v IS JSON SCALAR AND v !~ '^"' THEN v::jsonb ELSE to_jsonb(v) END)::text $$;
--;
CREATE OR REPLACE FUNCTION pb_json_array_length(t text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN t IS JSON ARRAY THEN json_array_length(t::json) WHEN t IS JSON THEN 0 END $$;
--;
-- the items of a JSON array column, one row each (a non-array value is one item, NULL or '' none)
CREATE OR REPLACE FUNCTION pb_json_each(t text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT pb_json_scalar(e) FROM json_array_elements(CASE WHEN t IS JSON ARRAY THEN t::json END) AS e
      UNION ALL SELECT t WHERE t IS NOT NULL AND t <> '' AND NOT (t IS JSON ARRAY) $$;
--;
-- SQLite's time values: 'now', 'YYYY-MM-DD[ T]HH:MM[:SS[.fff]][Z]', a date, or unix seconds
CREATE OR REPLACE FUNCTION pb_timestamp(v text) RETURNS timestamp LANGUAGE plpgsql STABLE
AS $$ BEGIN
    IF v IS NULL THEN RETURN NULL; END IF;
    IF lower(v) = 'now' THEN RETURN clock_timestamp() AT TIME ZONE 'UTC'; END IF;
    IF v ~ '^-?[0-9]+(\.[0-9]+)?$' THEN RETURN to_timestamp(v::double precision) AT TIME ZONE 'UTC'; END IF;
    IF v !~ '^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$' THEN RETURN NULL; END IF;
    RETURN (replace(rtrim(v, 'Z'), 'T', ' '))::timestamp;
EXCEPTION WHEN others THEN RETURN NULL;
END $$;
--;
CREATE OR REPLACE FUNCTION pb_strftime(f text, v text, VARIADIC mods text[] DEFAULT '{}') RETURNS text LANGUAGE plpgsql STABLE
AS $$ DECLARE
    ts timestamp := pb_timestamp(v);
    m text;
    amount text;
    out text := '';
    i integer := 1;
    c text;
BEGIN
    IF ts IS NULL OR f IS NULL THEN RETURN NULL; END IF;
    FOREACH m IN ARRAY mods LOOP
        m := lower(trim(m));
        IF m = 'start of day' THEN ts := date_trunc('day', ts);
        ELSIF m = 'start of month' THEN ts := date_trunc('month', ts);
        ELSIF m = 'start of year' THEN ts := date_trunc('year', ts);
        ELSIF m IN ('utc', 'localtime', 'unixepoch', 'auto', 'subsec', 'subsecond') THEN NULL;
        ELSIF m ~ '^[+-]?\s*[0-9]+(\.[0-9]+)?\s+(second|minute|hour|day|month|year)s?$' THEN
            amount := regexp_replace(m, '\s+', ' ', 'g');
            IF left(amount, 1) = '+' THEN amount := substr(amount, 2); END IF;
            ts := ts + amount::interval;
        ELSE RETURN NULL;
        END IF;
    END LOOP;
    WHILE i <= length(f) LOOP
        c := substr(f, i, 1);
        IF c = '%' AND i < length(f) THEN
            i := i + 1;
            c := substr(f, i, 1);
            out := out || CASE c
                WHEN 'Y' THEN to_char(ts, 'YYYY')
                WHEN 'm' THEN to_char(ts, 'MM')
                WHEN 'd' THEN to_char(ts, 'DD')
                WHEN 'H' THEN to_char(ts, 'HH24')
                WHEN 'M' THEN to_char(ts, 'MI')
                WHEN 'S' THEN to_char(ts, 'SS')
                WHEN 'f' THEN to_char(ts, 'SS.MS')
                WHEN 'j' THEN to_char(ts, 'DDD')
                WHEN 'J' THEN to_char(extract(julian FROM ts), 'FM9999999990.999999999')
                WHEN 's' THEN floor(extract(epoch FROM ts))::bigint::text
                WHEN 'w' THEN extract(dow FROM ts)::int::text
                WHEN 'u' THEN extract(isodow FROM ts)::int::text
                WHEN 'W' THEN lpad(((extract(doy FROM ts)::int + 6 - ((extract(dow FROM ts)::int + 6) % 7)) / 7)::text, 2, '0')
                WHEN 'F' THEN to_char(ts, 'YYYY-MM-DD')
                WHEN 'T' THEN to_char(ts, 'HH24:MI:SS')
                WHEN '%' THEN '%'
                ELSE NULL END;
            IF out IS NULL THEN RETURN NULL; END IF;
        ELSE
            out := out || c;
        END IF;
        i := i + 1;
    END LOOP;
    RETURN out;
END $$;
--;
CREATE OR REPLACE FUNCTION pb_strftime(f text) RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT pb_strftime(f, 'now') $$;
--;
CREATE OR REPLACE FUNCTION pb_datetime(v text, VARIADIC mods text[] DEFAULT '{}') RETURNS text LANGUAGE sql STABLE
AS $$ SELECT pb_strftime('%Y-%m-%d %H:%M:%S', v, VARIADIC mods) $$;
--;
CREATE OR REPLACE FUNCTION pb_date(v text, VARIADIC mods text[] DEFAULT '{}') RETURNS text LANGUAGE sql STABLE
AS $$ SELECT pb_strftime('%Y-%m-%d', v, VARIADIC mods) $$;
--;
CREATE OR REPLACE FUNCTION pb_time(v text, VARIADIC mods text[] DEFAULT '{}') RETURNS text LANGUAGE sql STABLE
AS $$ SELECT pb_strftime('%H:%M:%S', v, VARIADIC mods) $$;
--;
CREATE OR REPLACE FUNCTION pb_unixepoch(v text, VARIADIC mods text[] DEFAULT '{}') RETURNS bigint LANGUAGE sql STABLE
AS $$ SELECT pb_strftime('%s', v, VARIADIC mods)::bigint $$;
--;
-- sqlite_master as PocketBase's SQL reads it: tables, views (with their SQL) and indexes of this schema
CREATE OR REPLACE VIEW sqlite_master AS
    SELECT 'table'::text AS type, c.relname::text AS name, c.relname::text AS tbl_name, NULL::text AS sql
      FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
    UNION ALL
    SELECT 'view', c.relname::text, c.relname::text, 'CREATE VIEW ' || quote_ident(c.relname) || ' AS ' || pg_get_viewdef(c.oid)
      FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v' AND c.relname <> 'sqlite_master'
    UNION ALL
    SELECT 'index', i.relname::text, t.relname::text, pg_get_indexdef(i.oid)
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary;

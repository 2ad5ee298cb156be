/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sharing a scenario as a JSON file: export, and an import that checks everything first. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "tenure-file.h"
#include "tenure-scenario-private.h"

#define FORMAT_NAME "tenure-scenario"
#define FORMAT_VERSION 1

/* Export */

static char *
job_name (TenureDb *db,
          gint64    job_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT name FROM job WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL || job_id <= 0)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = tenure_scenario_column_text (stmt, 0);
  sqlite3_reset (stmt);

  return name;
}

static char *
job_description (TenureDb *db,
                 gint64    job_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT description FROM job WHERE id = ?", NULL);
  char *description = NULL;

  if (stmt == NULL || job_id <= 0)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    description = tenure_scenario_column_text (stmt, 0);
  sqlite3_reset (stmt);

  return description;
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
scenario_to_json (TenureDb             *db,
                  const TenureScenario *scenario)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *description = job_description (db, scenario->job_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, scenario->name);
  add_nullable_string (builder, "job", scenario->job_name);
  add_nullable_string (builder, "job_description", description);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, scenario->description);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, scenario->active);
  add_nullable_string (builder, "auto_enrol_segment", scenario->auto_enrol_segment);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      const TenureStep *step = g_ptr_array_index (scenario->steps, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, tenure_step_kind_to_string (step->kind));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, step->title);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, step->body);
      json_builder_set_member_name (builder, "day_offset");
      json_builder_add_int_value (builder, step->day_offset);
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, step->required);
      json_builder_set_member_name (builder, "done_when");
      if (step->done_when_event_kind != NULL)
        {
          g_autofree char *job = job_name (db, step->done_when_job_id);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "event");
          json_builder_add_string_value (builder, step->done_when_event_kind);
          add_nullable_string (builder, "job", job);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * tenure_scenario_export_file:
 *
 * Writes the scenario, its steps and the names of its jobs to @path as JSON, to be
 * imported in another workspace with tenure_scenario_import_file(). Enrolments and
 * progress stay in the workspace.
 */
gboolean
tenure_scenario_export_file (TenureDb    *db,
                             gint64       scenario_id,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  scenario = tenure_scenario_load (db, scenario_id, error);
  if (scenario == NULL)
    return FALSE;

  root = scenario_to_json (db, scenario);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  {
    g_autofree char *with_newline = g_strconcat (data, "\n", NULL);

    return tenure_file_set_contents (path, with_newline, length + 1, error);
  }
}

/* Import */

typedef struct
{
  const char *display;   /* the file, for messages */
  GError    **error;
} Reader;

static gboolean
invalid (Reader     *reader,
         const char *where,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

/* "FILE: WHERE: message", or "FILE: message" when @where is NULL. */
static gboolean
invalid (Reader     *reader,
         const char *where,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    g_set_error (reader->error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_INVALID_FILE,
                 "%s: %s: %s", reader->display, where, message);
  else
    g_set_error (reader->error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_INVALID_FILE,
                 "%s: %s", reader->display, message);
  return FALSE;
}

/* Rewraps a validation error of the scenario code with the file and place. */
static gboolean
invalid_from (Reader     *reader,
              const char *where,
              GError     *local)
{
  invalid (reader, where, "%s", local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *where,
             const char  *member,
             gboolean     nullable,
             const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return invalid (reader, where, _("“%s” is missing: it must be a text"), member);
    }
  if (!holds_type (node, G_TYPE_STRING))
    return invalid (reader, where, _("“%s” must be a text in quotes"), member);

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_boolean (Reader     *reader,
              JsonObject *object,
              const char *where,
              const char *member,
              gboolean    fallback,
              gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = fallback;
  if (node == NULL)
    return TRUE;
  if (!holds_type (node, G_TYPE_BOOLEAN))
    return invalid (reader, where, _("“%s” must be true or false"), member);

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* A validated step, before anything is written. */
typedef struct
{
  TenureStep  step;
  const char *job;       /* the "done when" job's name, or NULL */
} ImportStep;

static gboolean
read_step (Reader     *reader,
           JsonNode   *node,
           guint       number,
           ImportStep *out)
{
  g_autofree char *where = g_strdup_printf (_("step %u"), number);
  JsonObject *object;
  JsonNode *member;
  const char *kind = NULL;
  const char *title = NULL;
  const char *body = NULL;
  GError *local = NULL;
  gint64 day_offset;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (reader, where, _("a step must be an object in braces"));
  object = json_node_get_object (node);

  if (!read_string (reader, object, where, "kind", FALSE, &kind))
    return FALSE;
  if (!tenure_step_kind_from_string (kind, &out->step.kind))
    return invalid (reader, where, _("“%s” is not a kind of step: use content, automation, "
                                     "tutorial or checkin"), kind);

  if (!read_string (reader, object, where, "title", TRUE, &title) ||
      !read_string (reader, object, where, "body", TRUE, &body))
    return FALSE;
  if (!tenure_scenario_check_title (title, &local))
    return invalid_from (reader, where, local);

  member = json_object_get_member (object, "day_offset");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    day_offset = 0;
  else if (holds_type (member, G_TYPE_INT64))
    day_offset = json_node_get_int (member);
  else
    return invalid (reader, where, _("“day_offset” must be a whole number of days"));
  if (day_offset > 3650)
    return invalid (reader, where, _("“day_offset” is %d days: a step must come within ten "
                                     "years of the enrolment"),
                    (int) MIN (day_offset, G_MAXINT));
  if (!tenure_scenario_check_day ((int) MAX (day_offset, -3650), &local))
    return invalid_from (reader, where, local);

  if (!read_boolean (reader, object, where, "required", TRUE, &out->step.required))
    return FALSE;

  member = json_object_get_member (object, "done_when");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonObject *rule;
      const char *event = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        return invalid (reader, where, _("“done_when” must be null or an object with "
                                         "“event” and “job”"));
      rule = json_node_get_object (member);
      if (!read_string (reader, rule, where, "event", FALSE, &event) ||
          !read_string (reader, rule, where, "job", TRUE, &out->job))
        return FALSE;
      if (!tenure_scenario_check_event_kind (event, &local))
        return invalid_from (reader, where, local);
      if (out->job != NULL && tenure_scenario_is_blank (out->job))
        return invalid (reader, where, _("the “done when” job has an empty name"));
      out->step.done_when_event_kind = (char *) event;
    }

  out->step.position = (int) number;
  out->step.title = (char *) title;
  out->step.body = (char *) (body != NULL ? body : "");
  out->step.day_offset = (int) day_offset;
  return TRUE;
}

/**
 * tenure_scenario_import_file:
 *
 * Reads a scenario written by tenure_scenario_export_file() and adds it to the
 * workspace. The whole file is checked before anything is written, and everything is
 * written in one transaction: a file with a mistake leaves the workspace unchanged and
 * the error says where the mistake is. A name already taken gets a suffix ("NAME (2)");
 * a job the workspace does not have is created.
 *
 * Returns: the id of the new scenario, or 0 with @error set
 */
gint64
tenure_scenario_import_file (TenureDb    *db,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *name = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (ImportStep));
  g_autoptr(GError) local = NULL;
  Reader reader = { display, error };
  const char *format = NULL;
  const char *source_name = NULL;
  const char *job = NULL;
  const char *job_desc = NULL;
  const char *description = NULL;
  const char *segment = NULL;
  gboolean active = FALSE;
  gboolean has_required = FALSE;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  gint64 scenario_id = 0;
  gint64 job_id = 0;
  gboolean owned;
  gboolean ok;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      /* json-glib already says "FILE:LINE:COLUMN: Parse error: …" for syntax errors. */
      if (local->domain == JSON_PARSER_ERROR)
        g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_INVALID_FILE,
                             local->message);
      else
        g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_INVALID_FILE,
                     _("Cannot read “%s”: %s"), display, local->message);
      return 0;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (&reader, NULL, _("this is not a Tenure scenario file (export one with "
                                "“tenure-cli scenarios WORKSPACE --export NAME FILE.json”)"));
      return 0;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "format");
  format = holds_type (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      invalid (&reader, NULL, _("this is not a Tenure scenario file (export one with "
                                "“tenure-cli scenarios WORKSPACE --export NAME FILE.json”)"));
      return 0;
    }
  node = json_object_get_member (root, "version");
  if (!holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      invalid (&reader, NULL, _("“version” must be a whole number"));
      return 0;
    }
  if (json_node_get_int (node) > FORMAT_VERSION)
    {
      invalid (&reader, NULL, _("the file was written by a newer version of Tenure (scenario "
                                "file version %d): update Tenure to import it"),
               (int) MIN (json_node_get_int (node), G_MAXINT));
      return 0;
    }

  if (!read_string (&reader, root, NULL, "name", TRUE, &source_name) ||
      !read_string (&reader, root, NULL, "job", TRUE, &job) ||
      !read_string (&reader, root, NULL, "job_description", TRUE, &job_desc) ||
      !read_string (&reader, root, NULL, "description", TRUE, &description) ||
      !read_string (&reader, root, NULL, "auto_enrol_segment", TRUE, &segment) ||
      !read_boolean (&reader, root, NULL, "active", FALSE, &active))
    return 0;
  if (tenure_scenario_is_blank (source_name))
    {
      invalid (&reader, NULL, _("the scenario has no name: add a “name”"));
      return 0;
    }
  if (job != NULL && tenure_scenario_is_blank (job))
    {
      invalid (&reader, NULL, _("the scenario’s job has an empty name"));
      return 0;
    }

  node = json_object_get_member (root, "steps");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (&reader, NULL, _("“steps” must be a list in square brackets"));
      return 0;
    }
  array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      ImportStep step = { { 0 } };

      if (!read_step (&reader, json_array_get_element (array, i), i + 1, &step))
        return 0;
      has_required = has_required || step.step.required;
      g_array_append_val (steps, step);
    }
  if (active && !has_required)
    {
      invalid (&reader, NULL, _("the scenario is marked active but has no required step: "
                                "mark at least one step as required"));
      return 0;
    }

  /* Everything is valid: write it in one transaction. */
  if (!tenure_scenario_txn_begin (db, &owned, error))
    return 0;

  ok = TRUE;
  if (job != NULL)
    {
      job_id = tenure_scenario_ensure_job (db, job, job_desc, error);
      ok = job_id != 0;
    }
  if (ok)
    {
      name = tenure_scenario_unique_name (db, source_name);
      scenario_id = tenure_scenario_create (db, name, error);
      ok = scenario_id != 0 &&
           tenure_scenario_set_job (db, scenario_id, job_id, error) &&
           tenure_scenario_set_description (db, scenario_id, description, error) &&
           tenure_scenario_set_auto_enrol_segment (db, scenario_id, segment, error);
    }
  for (guint i = 0; ok && i < steps->len; i++)
    {
      ImportStep *step = &g_array_index (steps, ImportStep, i);

      if (step->job != NULL)
        {
          step->step.done_when_job_id = tenure_scenario_ensure_job (db, step->job,
                                                                   g_strcmp0 (step->job, job) == 0
                                                                   ? job_desc : NULL,
                                                                   error);
          ok = step->step.done_when_job_id != 0;
        }
      ok = ok && tenure_scenario_insert_step (db, scenario_id, &step->step, error) != 0;
    }
  ok = ok && (!active || tenure_scenario_set_active (db, scenario_id, TRUE, error));

  return tenure_scenario_txn_end (db, owned, ok, error) ? scenario_id : 0;
}

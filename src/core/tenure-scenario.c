/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Onboarding scenarios and steps: kinds, validation and reading, shared by the scenario files. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-private.h"

G_DEFINE_QUARK (tenure-scenario-error-quark, tenure_scenario_error)

static const char * const step_kinds[] = { "content", "automation", "tutorial", "checkin" };
static const char * const step_kind_labels[] = {
  N_("Content"), N_("Automation"), N_("Tutorial"), N_("Check-in"),
};
static const char * const event_kinds[] = { "session", "action", "feature_used", "job_completed" };

const char *
tenure_step_kind_to_string (TenureStepKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (step_kinds), NULL);

  return step_kinds[kind];
}

gboolean
tenure_step_kind_from_string (const char     *text,
                              TenureStepKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_kinds); i++)
    {
      if (g_strcmp0 (text, step_kinds[i]) == 0)
        {
          if (kind != NULL)
            *kind = (TenureStepKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The kind in words, translated, for screens and reports. */
const char *
tenure_step_kind_get_label (TenureStepKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (step_kind_labels), NULL);

  return _(step_kind_labels[kind]);
}

gboolean
tenure_scenario_event_kind_is_valid (const char *event_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
    if (g_strcmp0 (event_kind, event_kinds[i]) == 0)
      return TRUE;

  return FALSE;
}

void
tenure_step_free (TenureStep *step)
{
  if (step == NULL)
    return;

  g_free (step->title);
  g_free (step->body);
  g_free (step->done_when_event_kind);
  g_free (step);
}

TenureStep *
tenure_step_copy (const TenureStep *step)
{
  TenureStep *copy = g_memdup2 (step, sizeof *step);

  copy->title = g_strdup (step->title);
  copy->body = g_strdup (step->body);
  copy->done_when_event_kind = g_strdup (step->done_when_event_kind);
  return copy;
}

void
tenure_scenario_free (TenureScenario *scenario)
{
  if (scenario == NULL)
    return;

  g_free (scenario->name);
  g_free (scenario->job_name);
  g_free (scenario->description);
  g_free (scenario->auto_enrol_segment);
  g_clear_pointer (&scenario->steps, g_ptr_array_unref);
  g_free (scenario);
}

/* Helpers shared with the other scenario files. */

gboolean
tenure_scenario_txn_begin (TenureDb  *db,
                           gboolean  *owned,
                           GError   **error)
{
  *owned = sqlite3_get_autocommit (tenure_db_get_handle (db)) != 0;
  if (*owned)
    return tenure_db_begin (db, error);

  return TRUE;
}

gboolean
tenure_scenario_txn_end (TenureDb  *db,
                         gboolean   owned,
                         gboolean   ok,
                         GError   **error)
{
  if (!owned)
    return ok;

  if (ok && tenure_db_commit (db, error))
    return TRUE;

  tenure_db_rollback (db);
  return FALSE;
}

void
tenure_scenario_bind_id (sqlite3_stmt *stmt,
                         int           index,
                         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
tenure_scenario_bind_text (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

char *
tenure_scenario_column_text (sqlite3_stmt *stmt,
                             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
tenure_scenario_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
check_length (const char  *text,
              GError     **error)
{
  if (g_utf8_strlen (text, -1) > TENURE_SCENARIO_MAX_CHARS)
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_TOO_LONG,
                   ngettext ("Keep it to %d character: the details belong in the "
                             "description or the step’s content",
                             "Keep it to %d characters: the details belong in the "
                             "description or the step’s content",
                             TENURE_SCENARIO_MAX_CHARS),
                   TENURE_SCENARIO_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

gboolean
tenure_scenario_check_title (const char  *title,
                             GError     **error)
{
  if (tenure_scenario_is_blank (title))
    {
      g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_EMPTY_TITLE,
                           _("A step needs a title: write what the customer will do"));
      return FALSE;
    }

  return check_length (title, error);
}

gboolean
tenure_scenario_check_day (int      day_offset,
                           GError **error)
{
  if (day_offset < 0)
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NEGATIVE_DAY,
                   _("A step cannot come %d days before the enrolment: use 0 for the day of "
                     "the enrolment, or a later day"), -day_offset);
      return FALSE;
    }

  return TRUE;
}

gboolean
tenure_scenario_check_job (TenureDb  *db,
                           gint64     job_id,
                           GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (job_id <= 0)
    return TRUE;

  stmt = tenure_db_prepare (db, "SELECT 1 FROM job WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_UNKNOWN_JOB,
                   _("The chosen job does not exist in this workspace: choose one of the "
                     "jobs listed, or import the events that define it"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

gboolean
tenure_scenario_check_event_kind (const char  *event_kind,
                                  GError     **error)
{
  if (event_kind != NULL && !tenure_scenario_event_kind_is_valid (event_kind))
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_UNKNOWN_EVENT_KIND,
                   _("“%s” is not a kind of event: use session, action, feature_used or "
                     "job_completed"), event_kind);
      return FALSE;
    }

  return TRUE;
}

/* A name that is not blank and not used by another scenario than @scenario_id. */
gboolean
tenure_scenario_check_name (TenureDb    *db,
                            gint64       scenario_id,
                            const char  *name,
                            GError     **error)
{
  gint64 other;

  if (tenure_scenario_is_blank (name))
    {
      g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_EMPTY_NAME,
                           _("A scenario needs a name: name it after the customer’s job, "
                             "for example “Prepare a meeting with your CIO”"));
      return FALSE;
    }
  if (!check_length (name, error))
    return FALSE;

  other = tenure_scenario_find (db, name);
  if (other != 0 && other != scenario_id)
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NAME_TAKEN,
                   _("A scenario named “%s” already exists: choose another name"), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
tenure_scenario_set_not_found (GError **error)
{
  g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                       _("This scenario or step no longer exists: it may have been deleted"));
  return FALSE;
}

/* Reading */

static TenureStep *
read_step (sqlite3_stmt *stmt)
{
  TenureStep *step = g_new0 (TenureStep, 1);

  step->id = sqlite3_column_int64 (stmt, 0);
  step->scenario_id = sqlite3_column_int64 (stmt, 1);
  step->position = sqlite3_column_int (stmt, 2);
  if (!tenure_step_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &step->kind))
    step->kind = TENURE_STEP_CONTENT;
  step->title = tenure_scenario_column_text (stmt, 4);
  step->body = tenure_scenario_column_text (stmt, 5);
  step->day_offset = sqlite3_column_int (stmt, 6);
  step->required = sqlite3_column_int (stmt, 7) != 0;
  step->done_when_event_kind = tenure_scenario_column_text (stmt, 8);
  step->done_when_job_id = sqlite3_column_int64 (stmt, 9);
  return step;
}

/**
 * tenure_scenario_load:
 *
 * Returns: (transfer full): the scenario with its steps in order, or %NULL with
 *   %TENURE_SCENARIO_ERROR_NOT_FOUND when there is no such scenario.
 */
TenureScenario *
tenure_scenario_load (TenureDb  *db,
                      gint64     scenario_id,
                      GError   **error)
{
  g_autoptr(TenureScenario) scenario = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT s.name, s.job_id, j.name, s.description, s.active, "
                            "       s.auto_enrol_segment "
                            "FROM scenario s LEFT JOIN job j ON j.id = s.job_id WHERE s.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      scenario = g_new0 (TenureScenario, 1);
      scenario->id = scenario_id;
      scenario->name = tenure_scenario_column_text (stmt, 0);
      scenario->job_id = sqlite3_column_int64 (stmt, 1);
      scenario->job_name = tenure_scenario_column_text (stmt, 2);
      scenario->description = tenure_scenario_column_text (stmt, 3);
      scenario->active = sqlite3_column_int (stmt, 4) != 0;
      scenario->auto_enrol_segment = tenure_scenario_column_text (stmt, 5);
      scenario->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_step_free);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      tenure_scenario_set_not_found (error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  stmt = tenure_db_prepare (db,
                            "SELECT id, scenario_id, position, kind, title, body, day_offset, "
                            "       required, done_when_event_kind, done_when_job_id "
                            "FROM step WHERE scenario_id = ? ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (scenario->steps, read_step (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&scenario);
}

/* Every scenario, by name. */
GPtrArray *
tenure_scenario_load_all (TenureDb  *db,
                          GError   **error)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT id FROM scenario ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_scenario_free);
  for (guint i = 0; i < ids->len; i++)
    {
      TenureScenario *scenario = tenure_scenario_load (db, g_array_index (ids, gint64, i), error);

      if (scenario == NULL)
        return NULL;
      g_ptr_array_add (scenarios, scenario);
    }

  return g_steal_pointer (&scenarios);
}

static gint64
find_by_name (TenureDb   *db,
              const char *sql,
              const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (name == NULL)
    return 0;

  stmt = tenure_db_prepare (db, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/* The id of the scenario called @name, or 0. */
gint64
tenure_scenario_find (TenureDb   *db,
                      const char *name)
{
  return find_by_name (db, "SELECT id FROM scenario WHERE name = ?", name);
}

/* The id of the job called @name, or 0. */
gint64
tenure_scenario_find_job (TenureDb   *db,
                          const char *name)
{
  return find_by_name (db, "SELECT id FROM job WHERE name = ?", name);
}

/* The job called @name, created when the workspace does not have it yet. */
gint64
tenure_scenario_ensure_job (TenureDb    *db,
                            const char  *name,
                            const char  *description,
                            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  if (tenure_scenario_is_blank (name))
    {
      g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_UNKNOWN_JOB,
                           _("A job needs a name"));
      return 0;
    }

  id = tenure_scenario_find_job (db, name);
  if (id != 0)
    return id;

  stmt = tenure_db_prepare (db, "INSERT INTO job (name, description) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, description != NULL ? description : "", -1, SQLITE_TRANSIENT);
  if (!tenure_db_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (tenure_db_get_handle (db));
}

/* @name if no scenario uses it, else the first free "@name (2)", "@name (3)"… */
char *
tenure_scenario_unique_name (TenureDb   *db,
                             const char *name)
{
  if (tenure_scenario_find (db, name) == 0)
    return g_strdup (name);

  for (guint i = 2;; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)", name, i);

      if (tenure_scenario_find (db, candidate) == 0)
        return g_steal_pointer (&candidate);
    }
}

void
tenure_scenario_job_free (TenureScenarioJob *job)
{
  if (job == NULL)
    return;

  g_free (job->name);
  g_free (job);
}

/* Every job of the workspace (TenureScenarioJob), by name. */
GPtrArray *
tenure_scenario_list_jobs (TenureDb  *db,
                           GError   **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT id, name FROM job ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_scenario_job_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureScenarioJob *job = g_new0 (TenureScenarioJob, 1);

      job->id = sqlite3_column_int64 (stmt, 0);
      job->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (jobs, job);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&jobs);
}

/* The segments the accounts use, sorted, without blanks: the choices of automatic
 * enrolment. */
GStrv
tenure_scenario_list_segments (TenureDb  *db,
                               GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT DISTINCT segment FROM account "
                            "WHERE segment IS NOT NULL AND trim (segment) <> '' "
                            "ORDER BY segment",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

gint64
tenure_scenario_get_step_scenario (TenureDb *db,
                                   gint64    step_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  stmt = tenure_db_prepare (db, "SELECT scenario_id FROM step WHERE id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

gboolean
tenure_scenario_exists (TenureDb *db,
                 gint64    scenario_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT 1 FROM scenario WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Onboarding scenarios and their steps in the workspace: reading, validated edits, enrolments. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
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

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
tenure_scenario_check_title (const char  *title,
                             GError     **error)
{
  if (is_blank (title))
    {
      g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_EMPTY_TITLE,
                           _("A step needs a title: write what the customer will do"));
      return FALSE;
    }

  return TRUE;
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

  if (is_blank (name))
    {
      g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_EMPTY_NAME,
                           _("A scenario needs a name: name it after the customer’s job, "
                             "for example “Prepare a meeting with your CIO”"));
      return FALSE;
    }

  other = tenure_scenario_find (db, name);
  if (other != 0 && other != scenario_id)
    {
      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NAME_TAKEN,
                   _("A scenario named “%s” already exists: choose another name"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_not_found (GError **error)
{
  g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                       _("This scenario or step no longer exists: it may have been deleted"));
  return FALSE;
}

static gboolean
step_stmt (TenureDb      *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return tenure_db_step_done (db, stmt, error);
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
      set_not_found (error);
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

  if (is_blank (name))
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
  if (!step_stmt (db, stmt, error))
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

static gboolean
scenario_exists (TenureDb *db,
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

static gint64
count_required_steps (TenureDb *db,
                      gint64    scenario_id,
                      gint64    except_step_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count = 0;

  stmt = tenure_db_prepare (db,
                            "SELECT count(*) FROM step "
                            "WHERE scenario_id = ? AND required AND id IS NOT ?",
                            NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  tenure_scenario_bind_id (stmt, 2, except_step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static gboolean
scenario_is_active (TenureDb *db,
                    gint64    scenario_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT active FROM scenario WHERE id = ?", NULL);
  gboolean active = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    active = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return active;
}

static char *
scenario_name (TenureDb *db,
               gint64    scenario_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT name FROM scenario WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = tenure_scenario_column_text (stmt, 0);
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup ("");
}

/* An active scenario keeps at least one required step besides @except_step_id. */
static gboolean
check_keeps_required (TenureDb  *db,
                      gint64     scenario_id,
                      gint64     except_step_id,
                      GError   **error)
{
  if (!scenario_is_active (db, scenario_id) ||
      count_required_steps (db, scenario_id, except_step_id) > 0)
    return TRUE;

  {
    g_autofree char *name = scenario_name (db, scenario_id);

    g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP,
                 _("“%s” is active and needs at least one required step: mark another step as "
                   "required first, or deactivate the scenario"), name);
  }
  return FALSE;
}

/* Editing a scenario */

gint64
tenure_scenario_create (TenureDb    *db,
                        const char  *name,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (db != NULL, 0);

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return 0;

  ok = tenure_scenario_check_name (db, 0, name, error);
  ok = ok && (stmt = tenure_db_prepare (db, "INSERT INTO scenario (name) VALUES (?)", error));
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      ok = step_stmt (db, stmt, error);
      id = sqlite3_last_insert_rowid (tenure_db_get_handle (db));
    }

  return tenure_scenario_txn_end (db, owned, ok, error) ? id : 0;
}

/* Runs one UPDATE of a scenario column, binding the value with @bind. */
typedef void (*BindFunc) (sqlite3_stmt *stmt, int index, gconstpointer value);

static void
bind_text_value (sqlite3_stmt  *stmt,
                 int            index,
                 gconstpointer  value)
{
  tenure_scenario_bind_text (stmt, index, value);
}

static void
bind_int_value (sqlite3_stmt  *stmt,
                int            index,
                gconstpointer  value)
{
  sqlite3_bind_int64 (stmt, index, *(const gint64 *) value);
}

static void
bind_id_value (sqlite3_stmt  *stmt,
               int            index,
               gconstpointer  value)
{
  tenure_scenario_bind_id (stmt, index, *(const gint64 *) value);
}

static gboolean
update_row (TenureDb       *db,
            const char     *sql,
            gint64          id,
            BindFunc        bind,
            gconstpointer   value,
            GError        **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_stmt (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (tenure_db_get_handle (db)) == 0)
    return set_not_found (error);

  return TRUE;
}

gboolean
tenure_scenario_rename (TenureDb    *db,
                        gint64       scenario_id,
                        const char  *name,
                        GError     **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = tenure_scenario_check_name (db, scenario_id, name, error) &&
       update_row (db, "UPDATE scenario SET name = ? WHERE id = ?", scenario_id,
                   bind_text_value, name, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_scenario_set_description (TenureDb    *db,
                                 gint64       scenario_id,
                                 const char  *description,
                                 GError     **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = update_row (db, "UPDATE scenario SET description = ? WHERE id = ?", scenario_id,
                   bind_text_value, description != NULL ? description : "", error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* @job_id 0 removes the target job. */
gboolean
tenure_scenario_set_job (TenureDb  *db,
                         gint64     scenario_id,
                         gint64     job_id,
                         GError   **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = tenure_scenario_check_job (db, job_id, error) &&
       update_row (db, "UPDATE scenario SET job_id = ? WHERE id = ?", scenario_id,
                   bind_id_value, &job_id, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Activating needs at least one required step: an enrolment could never complete. */
gboolean
tenure_scenario_set_active (TenureDb  *db,
                            gint64     scenario_id,
                            gboolean   active,
                            GError   **error)
{
  gint64 value = active ? 1 : 0;
  gboolean owned;
  gboolean ok = TRUE;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  if (active && scenario_exists (db, scenario_id) &&
      count_required_steps (db, scenario_id, 0) == 0)
    {
      g_autofree char *name = scenario_name (db, scenario_id);

      g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP,
                   _("“%s” cannot be activated without a required step: mark at least one "
                     "step as required"), name);
      ok = FALSE;
    }
  ok = ok && update_row (db, "UPDATE scenario SET active = ? WHERE id = ?", scenario_id,
                         bind_int_value, &value, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* @segment NULL or empty: no automatic enrolment. */
gboolean
tenure_scenario_set_auto_enrol_segment (TenureDb    *db,
                                        gint64       scenario_id,
                                        const char  *segment,
                                        GError     **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = update_row (db, "UPDATE scenario SET auto_enrol_segment = ? WHERE id = ?", scenario_id,
                   bind_text_value, is_blank (segment) ? NULL : segment, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gint64
tenure_scenario_insert_step (TenureDb          *db,
                             gint64             scenario_id,
                             const TenureStep  *step,
                             GError           **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!tenure_scenario_check_title (step->title, error) ||
      !tenure_scenario_check_day (step->day_offset, error) ||
      !tenure_scenario_check_event_kind (step->done_when_event_kind, error) ||
      !tenure_scenario_check_job (db, step->done_when_job_id, error))
    return 0;

  stmt = tenure_db_prepare (db,
                            "INSERT INTO step (scenario_id, position, kind, title, body, "
                            "  day_offset, required, done_when_event_kind, done_when_job_id) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int (stmt, 2, step->position);
  sqlite3_bind_text (stmt, 3, tenure_step_kind_to_string (step->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, step->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, step->body != NULL ? step->body : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, step->day_offset);
  sqlite3_bind_int (stmt, 7, step->required ? 1 : 0);
  tenure_scenario_bind_text (stmt, 8, step->done_when_event_kind);
  tenure_scenario_bind_id (stmt, 9, step->done_when_job_id);
  if (!step_stmt (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (tenure_db_get_handle (db));
}

/* A copy named "NAME (copy)", inactive, with the same steps and no enrolments. */
gint64
tenure_scenario_duplicate (TenureDb  *db,
                           gint64     scenario_id,
                           GError   **error)
{
  g_autoptr(TenureScenario) scenario = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;
  gint64 id = 0;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return 0;

  scenario = tenure_scenario_load (db, scenario_id, error);
  ok = scenario != NULL;
  if (ok)
    {
      /* TRANSLATORS: the name of a copy of a scenario */
      base = g_strdup_printf (_("%s (copy)"), scenario->name);
      name = tenure_scenario_unique_name (db, base);
      ok = (stmt = tenure_db_prepare (db,
                                      "INSERT INTO scenario (name, job_id, description, active) "
                                      "VALUES (?, ?, ?, 0)",
                                      error)) != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      tenure_scenario_bind_id (stmt, 2, scenario->job_id);
      sqlite3_bind_text (stmt, 3, scenario->description, -1, SQLITE_TRANSIENT);
      ok = step_stmt (db, stmt, error);
      id = sqlite3_last_insert_rowid (tenure_db_get_handle (db));
    }
  for (guint i = 0; ok && i < scenario->steps->len; i++)
    ok = tenure_scenario_insert_step (db, id, g_ptr_array_index (scenario->steps, i), error) != 0;

  return tenure_scenario_txn_end (db, owned, ok, error) ? id : 0;
}

/* Deletes the scenario with its steps, enrolments and progress. */
gboolean
tenure_scenario_delete (TenureDb  *db,
                        gint64     scenario_id,
                        GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = (stmt = tenure_db_prepare (db, "DELETE FROM scenario WHERE id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, scenario_id);
      ok = step_stmt (db, stmt, error);
      if (ok && sqlite3_changes (tenure_db_get_handle (db)) == 0)
        ok = set_not_found (error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Editing steps */

static gint64
count_steps (TenureDb *db,
             gint64    scenario_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT count(*) FROM step WHERE scenario_id = ?",
                                          NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Adds @delta to the positions in [@from, @to] of the scenario's steps. */
static gboolean
shift_positions (TenureDb  *db,
                 gint64     scenario_id,
                 int        from,
                 int        to,
                 int        delta,
                 GError   **error)
{
  sqlite3_stmt *stmt = NULL;

  stmt = tenure_db_prepare (db,
                            "UPDATE step SET position = position + ? "
                            "WHERE scenario_id = ? AND position BETWEEN ? AND ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, scenario_id);
  sqlite3_bind_int (stmt, 3, from);
  sqlite3_bind_int (stmt, 4, to);

  return step_stmt (db, stmt, error);
}

/**
 * tenure_scenario_add_step:
 * @position: where the step goes, from 1; 0, a negative number or a position past the
 *   end puts it last
 *
 * Adds a required step on day 0, with an empty body and no "done when" rule.
 */
gint64
tenure_scenario_add_step (TenureDb        *db,
                          gint64           scenario_id,
                          int              position,
                          TenureStepKind   kind,
                          const char      *title,
                          GError         **error)
{
  TenureStep step = { 0 };
  gboolean owned;
  gboolean ok;
  gint64 n_steps;
  gint64 id = 0;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return 0;

  ok = tenure_scenario_check_title (title, error);
  ok = ok && (scenario_exists (db, scenario_id) || set_not_found (error));
  if (ok)
    {
      n_steps = count_steps (db, scenario_id);
      if (position <= 0 || position > n_steps + 1)
        position = (int) n_steps + 1;
      ok = shift_positions (db, scenario_id, position, G_MAXINT - 1, 1, error);
    }
  if (ok)
    {
      step.position = position;
      step.kind = kind;
      step.title = (char *) title;
      step.body = (char *) "";
      step.required = TRUE;
      id = tenure_scenario_insert_step (db, scenario_id, &step, error);
      ok = id != 0;
    }

  return tenure_scenario_txn_end (db, owned, ok, error) ? id : 0;
}

static gboolean
get_step_position (TenureDb  *db,
                   gint64     step_id,
                   gint64    *scenario_id,
                   int       *position,
                   GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT scenario_id, position FROM step WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *scenario_id = sqlite3_column_int64 (stmt, 0);
      *position = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return set_not_found (error);
  if (rc != SQLITE_ROW)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/* Deletes a step and what accounts did of it; the steps after it move up. */
gboolean
tenure_scenario_delete_step (TenureDb  *db,
                             gint64     step_id,
                             GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 scenario_id = 0;
  int position = 0;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = get_step_position (db, step_id, &scenario_id, &position, error) &&
       check_keeps_required (db, scenario_id, step_id, error);
  ok = ok && (stmt = tenure_db_prepare (db, "DELETE FROM step WHERE id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, step_id);
      ok = step_stmt (db, stmt, error) &&
           shift_positions (db, scenario_id, position + 1, G_MAXINT - 1, -1, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Moves a step to @position (from 1, clamped to the scenario's steps). */
gboolean
tenure_scenario_move_step (TenureDb  *db,
                           gint64     step_id,
                           int        position,
                           GError   **error)
{
  gint64 scenario_id = 0;
  gint64 n_steps;
  int old = 0;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = get_step_position (db, step_id, &scenario_id, &old, error);
  if (ok)
    {
      n_steps = count_steps (db, scenario_id);
      position = CLAMP (position, 1, (int) n_steps);
      if (position < old)
        ok = shift_positions (db, scenario_id, position, old - 1, 1, error);
      else if (position > old)
        ok = shift_positions (db, scenario_id, old + 1, position, -1, error);
    }
  if (ok && position != old)
    {
      gint64 value = position;

      ok = update_row (db, "UPDATE step SET position = ? WHERE id = ?", step_id,
                       bind_int_value, &value, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_step_set_kind (TenureDb        *db,
                      gint64           step_id,
                      TenureStepKind   kind,
                      GError         **error)
{
  gboolean owned;
  gboolean ok;

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (step_kinds), FALSE);

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = update_row (db, "UPDATE step SET kind = ? WHERE id = ?", step_id, bind_text_value,
                   tenure_step_kind_to_string (kind), error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_step_set_title (TenureDb    *db,
                       gint64       step_id,
                       const char  *title,
                       GError     **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = tenure_scenario_check_title (title, error) &&
       update_row (db, "UPDATE step SET title = ? WHERE id = ?", step_id, bind_text_value,
                   title, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_step_set_body (TenureDb    *db,
                      gint64       step_id,
                      const char  *body,
                      GError     **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = update_row (db, "UPDATE step SET body = ? WHERE id = ?", step_id, bind_text_value,
                   body != NULL ? body : "", error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_step_set_day_offset (TenureDb  *db,
                            gint64     step_id,
                            int        day_offset,
                            GError   **error)
{
  gint64 value = day_offset;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = tenure_scenario_check_day (day_offset, error) &&
       update_row (db, "UPDATE step SET day_offset = ? WHERE id = ?", step_id, bind_int_value,
                   &value, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_step_set_required (TenureDb  *db,
                          gint64     step_id,
                          gboolean   required,
                          GError   **error)
{
  gint64 value = required ? 1 : 0;
  gint64 scenario_id = 0;
  int position = 0;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = get_step_position (db, step_id, &scenario_id, &position, error);
  ok = ok && (required || check_keeps_required (db, scenario_id, step_id, error));
  ok = ok && update_row (db, "UPDATE step SET required = ? WHERE id = ?", step_id,
                         bind_int_value, &value, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/**
 * tenure_step_set_done_when:
 * @event_kind: (nullable): `session`, `action`, `feature_used` or `job_completed`; %NULL
 *   for a step that is done only when marked
 * @job_id: the job the event must name, or 0 for any
 *
 * Sets the rule that marks the step done: "done when the account completes the job
 * Generate the monthly IT audit report" is `job_completed` with that job.
 */
gboolean
tenure_step_set_done_when (TenureDb    *db,
                           gint64       step_id,
                           const char  *event_kind,
                           gint64       job_id,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  if (event_kind == NULL)
    job_id = 0;
  ok = tenure_scenario_check_event_kind (event_kind, error) &&
       tenure_scenario_check_job (db, job_id, error);
  ok = ok && (stmt = tenure_db_prepare (db,
                                        "UPDATE step SET done_when_event_kind = ?, "
                                        "  done_when_job_id = ? WHERE id = ?",
                                        error)) != NULL;
  if (ok)
    {
      tenure_scenario_bind_text (stmt, 1, event_kind);
      tenure_scenario_bind_id (stmt, 2, job_id);
      sqlite3_bind_int64 (stmt, 3, step_id);
      ok = step_stmt (db, stmt, error);
      if (ok && sqlite3_changes (tenure_db_get_handle (db)) == 0)
        ok = set_not_found (error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Enrolments and progress */

static gboolean
account_exists (TenureDb *db,
                gint64    account_id)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, "SELECT 1 FROM account WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
set_account_not_found (GError **error)
{
  g_set_error_literal (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND,
                       _("This account no longer exists in the workspace"));
  return FALSE;
}

/* Enrols an account by hand, or moves the start of its enrolment. */
gboolean
tenure_scenario_enrol (TenureDb  *db,
                       gint64     scenario_id,
                       gint64     account_id,
                       gint32     started_on,
                       GError   **error)
{
  char date[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = scenario_exists (db, scenario_id) || set_not_found (error);
  ok = ok && (account_exists (db, account_id) || set_account_not_found (error));
  ok = ok && (stmt = tenure_db_prepare (db,
                                        "INSERT INTO enrolment (account_id, scenario_id, "
                                        "  started_on) VALUES (?, ?, ?) "
                                        "ON CONFLICT DO UPDATE SET started_on = "
                                        "  excluded.started_on",
                                        error)) != NULL;
  if (ok)
    {
      tenure_date_format (started_on, date);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, scenario_id);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      ok = step_stmt (db, stmt, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Ends an enrolment and forgets the steps the account marked done in that scenario. */
gboolean
tenure_scenario_unenrol (TenureDb  *db,
                         gint64     scenario_id,
                         gint64     account_id,
                         GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = (stmt = tenure_db_prepare (db,
                                  "DELETE FROM step_done WHERE account_id = ? AND step_id IN "
                                  "  (SELECT id FROM step WHERE scenario_id = ?)",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, scenario_id);
      ok = step_stmt (db, stmt, error);
    }
  ok = ok && (stmt = tenure_db_prepare (db,
                                        "DELETE FROM enrolment WHERE account_id = ? AND "
                                        "  scenario_id = ?",
                                        error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, scenario_id);
      ok = step_stmt (db, stmt, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/* Records that the account did the step on @done_on, whatever its "done when" rule says. */
gboolean
tenure_step_mark_done (TenureDb  *db,
                       gint64     step_id,
                       gint64     account_id,
                       gint32     done_on,
                       GError   **error)
{
  char date[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = tenure_scenario_get_step_scenario (db, step_id) != 0 || set_not_found (error);
  ok = ok && (account_exists (db, account_id) || set_account_not_found (error));
  ok = ok && (stmt = tenure_db_prepare (db,
                                        "INSERT INTO step_done (account_id, step_id, done_on) "
                                        "VALUES (?, ?, ?) "
                                        "ON CONFLICT DO UPDATE SET done_on = excluded.done_on",
                                        error)) != NULL;
  if (ok)
    {
      tenure_date_format (done_on, date);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, step_id);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      ok = step_stmt (db, stmt, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

gboolean
tenure_step_clear_done (TenureDb  *db,
                        gint64     step_id,
                        gint64     account_id,
                        GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = (stmt = tenure_db_prepare (db,
                                  "DELETE FROM step_done WHERE account_id = ? AND step_id = ?",
                                  error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, step_id);
      ok = step_stmt (db, stmt, error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

/**
 * tenure_scenario_apply_auto_enrolment:
 * @since: the first signup day to enrol (days since 1970-01-01)
 * @n_enrolled: (out) (optional): how many enrolments were made
 *
 * Automatic enrolment is applied only when this function is called, never behind the
 * caller's back: the GUI calls it when the manager switches it on (with the day chosen,
 * today by default) and after each import of accounts (with the first day of the
 * signups imported). For every active scenario with an auto_enrol_segment, it enrols
 * each account of that segment whose signup (signup_date, or the start of its first
 * subscription, METRICS.md section 6) is on or after @since and that is not enrolled in
 * that scenario yet; the enrolment starts on the signup day. Accounts already enrolled
 * keep their enrolment, so calling it twice changes nothing.
 */
gboolean
tenure_scenario_apply_auto_enrolment (TenureDb  *db,
                                      gint32     since,
                                      guint     *n_enrolled,
                                      GError   **error)
{
  char date[TENURE_DATE_BUF];
  sqlite3_stmt *stmt = NULL;
  gboolean owned;
  gboolean ok;
  int changes = 0;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;

  ok = (stmt = tenure_db_prepare (db,
                                  "INSERT INTO enrolment (account_id, scenario_id, started_on) "
                                  "SELECT a.id, s.id, a.signup "
                                  "FROM scenario s JOIN ("
                                  "  SELECT id, segment, substr(coalesce(signup_date, "
                                  "    (SELECT min(start_date) FROM subscription "
                                  "     WHERE account_id = account.id)), 1, 10) AS signup "
                                  "  FROM account) a ON a.segment = s.auto_enrol_segment "
                                  "WHERE s.active AND a.signup >= ? "
                                  "  AND NOT EXISTS (SELECT 1 FROM enrolment e "
                                  "    WHERE e.account_id = a.id AND e.scenario_id = s.id)",
                                  error)) != NULL;
  if (ok)
    {
      tenure_date_format (since, date);
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      ok = step_stmt (db, stmt, error);
      changes = sqlite3_changes (tenure_db_get_handle (db));
    }

  ok = tenure_scenario_txn_end (db, owned, ok, error);
  if (n_enrolled != NULL)
    *n_enrolled = ok ? (guint) changes : 0;

  return ok;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validated edits of scenarios and steps, each in its own transaction or in the caller's. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-private.h"

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
      ok = tenure_db_step_done (db, stmt, error);
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
  if (!tenure_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (tenure_db_get_handle (db)) == 0)
    return tenure_scenario_set_not_found (error);

  return TRUE;
}

/* What a setter checks before its UPDATE, given the row and the value it will bind. */
typedef gboolean (*CheckFunc) (TenureDb *db, gint64 id, gconstpointer value, GError **error);

/* The shape of every setter: in a transaction of its own unless the caller has one, checks
 * (when @check is set) and runs one UPDATE of the row @id. */
static gboolean
update_checked (TenureDb       *db,
                const char     *sql,
                gint64          id,
                CheckFunc       check,
                BindFunc        bind,
                gconstpointer   value,
                GError        **error)
{
  gboolean owned;
  gboolean ok;

  if (!tenure_scenario_txn_begin (db, &owned, error))
    return FALSE;
  ok = (check == NULL || check (db, id, value, error)) &&
       update_row (db, sql, id, bind, value, error);

  return tenure_scenario_txn_end (db, owned, ok, error);
}

static gboolean
check_name_value (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_check_name (db, scenario_id, value, error);
}

static gboolean
check_job_value (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  return tenure_scenario_check_job (db, *(const gint64 *) value, error);
}

/* Activating needs at least one required step: an enrolment could never complete. */
static gboolean
check_active_value (TenureDb *db, gint64 scenario_id, gconstpointer value, GError **error)
{
  g_autofree char *name = NULL;

  if (*(const gint64 *) value == 0 || !tenure_scenario_exists (db, scenario_id) ||
      count_required_steps (db, scenario_id, 0) > 0)
    return TRUE;

  name = scenario_name (db, scenario_id);
  g_set_error (error, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NO_REQUIRED_STEP,
               _("“%s” cannot be activated without a required step: mark at least one "
                 "step as required"), name);
  return FALSE;
}

static gboolean
check_title_value (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_scenario_check_title (value, error);
}

static gboolean
check_day_value (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  return tenure_scenario_check_day ((int) *(const gint64 *) value, error);
}

static gboolean get_step_position (TenureDb  *db,
                                   gint64     step_id,
                                   gint64    *scenario_id,
                                   int       *position,
                                   GError   **error);

/* A step stops being required only if its active scenario keeps another required step. */
static gboolean
check_required_value (TenureDb *db, gint64 step_id, gconstpointer value, GError **error)
{
  gint64 scenario_id = 0;
  int position = 0;

  return get_step_position (db, step_id, &scenario_id, &position, error) &&
         (*(const gint64 *) value != 0 || check_keeps_required (db, scenario_id, step_id, error));
}

gboolean
tenure_scenario_rename (TenureDb    *db,
                        gint64       scenario_id,
                        const char  *name,
                        GError     **error)
{
  return update_checked (db, "UPDATE scenario SET name = ? WHERE id = ?", scenario_id,
                         check_name_value, bind_text_value, name, error);
}

gboolean
tenure_scenario_set_description (TenureDb    *db,
                                 gint64       scenario_id,
                                 const char  *description,
                                 GError     **error)
{
  return update_checked (db, "UPDATE scenario SET description = ? WHERE id = ?", scenario_id,
                         NULL, bind_text_value, description != NULL ? description : "", error);
}

/* @job_id 0 removes the target job. */
gboolean
tenure_scenario_set_job (TenureDb  *db,
                         gint64     scenario_id,
                         gint64     job_id,
                         GError   **error)
{
  return update_checked (db, "UPDATE scenario SET job_id = ? WHERE id = ?", scenario_id,
                         check_job_value, bind_id_value, &job_id, error);
}

gboolean
tenure_scenario_set_active (TenureDb  *db,
                            gint64     scenario_id,
                            gboolean   active,
                            GError   **error)
{
  gint64 value = active ? 1 : 0;

  return update_checked (db, "UPDATE scenario SET active = ? WHERE id = ?", scenario_id,
                         check_active_value, bind_int_value, &value, error);
}

/* @segment NULL or empty: no automatic enrolment. */
gboolean
tenure_scenario_set_auto_enrol_segment (TenureDb    *db,
                                        gint64       scenario_id,
                                        const char  *segment,
                                        GError     **error)
{
  return update_checked (db, "UPDATE scenario SET auto_enrol_segment = ? WHERE id = ?",
                         scenario_id, NULL, bind_text_value,
                         tenure_scenario_is_blank (segment) ? NULL : segment, error);
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
  if (!tenure_db_step_done (db, stmt, error))
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
      ok = tenure_db_step_done (db, stmt, error);
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
      ok = tenure_db_step_done (db, stmt, error);
      if (ok && sqlite3_changes (tenure_db_get_handle (db)) == 0)
        ok = tenure_scenario_set_not_found (error);
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

  return tenure_db_step_done (db, stmt, error);
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
  ok = ok && (tenure_scenario_exists (db, scenario_id) || tenure_scenario_set_not_found (error));
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
    return tenure_scenario_set_not_found (error);
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
      ok = tenure_db_step_done (db, stmt, error) &&
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
  g_return_val_if_fail ((guint) kind <= TENURE_STEP_CHECKIN, FALSE);

  return update_checked (db, "UPDATE step SET kind = ? WHERE id = ?", step_id, NULL,
                         bind_text_value, tenure_step_kind_to_string (kind), error);
}

gboolean
tenure_step_set_title (TenureDb    *db,
                       gint64       step_id,
                       const char  *title,
                       GError     **error)
{
  return update_checked (db, "UPDATE step SET title = ? WHERE id = ?", step_id,
                         check_title_value, bind_text_value, title, error);
}

gboolean
tenure_step_set_body (TenureDb    *db,
                      gint64       step_id,
                      const char  *body,
                      GError     **error)
{
  return update_checked (db, "UPDATE step SET body = ? WHERE id = ?", step_id, NULL,
                         bind_text_value, body != NULL ? body : "", error);
}

gboolean
tenure_step_set_day_offset (TenureDb  *db,
                            gint64     step_id,
                            int        day_offset,
                            GError   **error)
{
  gint64 value = day_offset;

  return update_checked (db, "UPDATE step SET day_offset = ? WHERE id = ?", step_id,
                         check_day_value, bind_int_value, &value, error);
}

gboolean
tenure_step_set_required (TenureDb  *db,
                          gint64     step_id,
                          gboolean   required,
                          GError   **error)
{
  gint64 value = required ? 1 : 0;

  return update_checked (db, "UPDATE step SET required = ? WHERE id = ?", step_id,
                         check_required_value, bind_int_value, &value, error);
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
      ok = tenure_db_step_done (db, stmt, error);
      if (ok && sqlite3_changes (tenure_db_get_handle (db)) == 0)
        ok = tenure_scenario_set_not_found (error);
    }

  return tenure_scenario_txn_end (db, owned, ok, error);
}

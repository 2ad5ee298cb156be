/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Snapshots of one scenario's rows, written back exactly by the editor's undo and redo. */

#define G_LOG_DOMAIN "tenure-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-scenario-private.h"

/*
 * Each operation is recorded as two snapshots of the scenario it touched, taken inside
 * its transaction: before and after. Undo writes the "before" snapshot back, redo the
 * "after" one, with the same row ids, so the tables end up exactly as they were. A
 * snapshot of a scenario that does not exist (before a creation, after a deletion)
 * deletes it. Operations that delete rows carrying progress also keep what goes with
 * them: deleting a step keeps its step_done rows; deleting a scenario keeps its
 * enrolments, step_done rows and the initiatives that pointed at it; undoing brings all
 * of it back. Jobs an operation creates (a template's job) are recorded too: undo
 * deletes them, redo brings them back with the same ids.
 */

typedef struct
{
  gint64  account_id;
  gint64  step_id;
  char   *date;
} ProgressRow;

struct _TenureScenarioSnapshot
{
  gint64          scenario_id;
  TenureScenario *scenario;       /* NULL: the scenario does not exist */
  gint64          progress;       /* TENURE_SCENARIO_PROGRESS_*, or the id of one step */
  GArray         *enrolments;     /* ProgressRow, step_id 0 */
  GArray         *done;           /* ProgressRow */
  GArray         *initiatives;    /* gint64 */
};

typedef struct
{
  gint64  id;
  char   *name;
  char   *description;
} JobRow;

static void
clear_progress_row (gpointer data)
{
  ProgressRow *row = data;

  g_free (row->date);
}

void
tenure_scenario_snapshot_free (TenureScenarioSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->scenario, tenure_scenario_free);
  g_clear_pointer (&snapshot->enrolments, g_array_unref);
  g_clear_pointer (&snapshot->done, g_array_unref);
  g_clear_pointer (&snapshot->initiatives, g_array_unref);
  g_free (snapshot);
}

TenureScenarioSnapshot *
tenure_scenario_snapshot_new_absent (gint64 scenario_id)
{
  TenureScenarioSnapshot *snapshot = g_new0 (TenureScenarioSnapshot, 1);

  snapshot->scenario_id = scenario_id;
  return snapshot;
}

static gboolean
read_progress (TenureDb    *db,
               const char  *sql,
               gint64       scenario_id,
               GArray      *rows,
               GError     **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ProgressRow row = {
        .account_id = sqlite3_column_int64 (stmt, 0),
        .step_id = sqlite3_column_int64 (stmt, 1),
        .date = tenure_scenario_column_text (stmt, 2),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

TenureScenarioSnapshot *
tenure_scenario_snapshot_take (TenureDb  *db,
                               gint64     scenario_id,
                               gint64     progress,
                               GError   **error)
{
  g_autoptr(TenureScenarioSnapshot) snapshot = tenure_scenario_snapshot_new_absent (scenario_id);
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  int rc;

  snapshot->scenario = tenure_scenario_load (db, scenario_id, &local);
  if (snapshot->scenario == NULL)
    {
      if (g_error_matches (local, TENURE_SCENARIO_ERROR, TENURE_SCENARIO_ERROR_NOT_FOUND))
        return g_steal_pointer (&snapshot);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  if (progress == TENURE_SCENARIO_PROGRESS_NONE)
    return g_steal_pointer (&snapshot);

  snapshot->progress = progress;
  snapshot->done = g_array_new (FALSE, FALSE, sizeof (ProgressRow));
  g_array_set_clear_func (snapshot->done, clear_progress_row);

  if (progress > 0)
    {
      if (!read_progress (db,
                          "SELECT account_id, step_id, done_on FROM step_done WHERE step_id = ? "
                          "ORDER BY account_id",
                          progress, snapshot->done, error))
        return NULL;
      return g_steal_pointer (&snapshot);
    }

  snapshot->enrolments = g_array_new (FALSE, FALSE, sizeof (ProgressRow));
  snapshot->initiatives = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_clear_func (snapshot->enrolments, clear_progress_row);

  if (!read_progress (db,
                      "SELECT account_id, 0, started_on FROM enrolment WHERE scenario_id = ? "
                      "ORDER BY account_id",
                      scenario_id, snapshot->enrolments, error) ||
      !read_progress (db,
                      "SELECT d.account_id, d.step_id, d.done_on FROM step_done d "
                      "JOIN step s ON s.id = d.step_id WHERE s.scenario_id = ? "
                      "ORDER BY d.step_id, d.account_id",
                      scenario_id, snapshot->done, error))
    return NULL;

  stmt = tenure_db_prepare (db, "SELECT id FROM initiative WHERE scenario_id = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (snapshot->initiatives, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&snapshot);
}

static gboolean
exec_with_id (TenureDb    *db,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return tenure_db_step_done (db, stmt, error);
}

static gboolean
snapshot_has_step (const TenureScenarioSnapshot *snapshot,
                   gint64                        step_id)
{
  for (guint i = 0; i < snapshot->scenario->steps->len; i++)
    if (((TenureStep *) g_ptr_array_index (snapshot->scenario->steps, i))->id == step_id)
      return TRUE;

  return FALSE;
}

static gboolean
restore_steps (TenureDb                      *db,
               const TenureScenarioSnapshot  *snapshot,
               GError                       **error)
{
  g_autoptr(GArray) obsolete = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT id FROM step WHERE scenario_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!snapshot_has_step (snapshot, id))
        g_array_append_val (obsolete, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);

  for (guint i = 0; i < obsolete->len; i++)
    if (!exec_with_id (db, "DELETE FROM step WHERE id = ?", g_array_index (obsolete, gint64, i),
                       error))
      return FALSE;

  for (guint i = 0; i < snapshot->scenario->steps->len; i++)
    {
      const TenureStep *step = g_ptr_array_index (snapshot->scenario->steps, i);

      stmt = tenure_db_prepare (db,
                                "INSERT INTO step (id, scenario_id, position, kind, title, "
                                "  body, day_offset, required, done_when_event_kind, "
                                "  done_when_job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT (id) DO UPDATE SET "
                                "  scenario_id = excluded.scenario_id, "
                                "  position = excluded.position, kind = excluded.kind, "
                                "  title = excluded.title, body = excluded.body, "
                                "  day_offset = excluded.day_offset, "
                                "  required = excluded.required, "
                                "  done_when_event_kind = excluded.done_when_event_kind, "
                                "  done_when_job_id = excluded.done_when_job_id",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, step->id);
      sqlite3_bind_int64 (stmt, 2, snapshot->scenario_id);
      sqlite3_bind_int (stmt, 3, step->position);
      sqlite3_bind_text (stmt, 4, tenure_step_kind_to_string (step->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, step->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, step->body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, step->day_offset);
      sqlite3_bind_int (stmt, 8, step->required ? 1 : 0);
      tenure_scenario_bind_text (stmt, 9, step->done_when_event_kind);
      tenure_scenario_bind_id (stmt, 10, step->done_when_job_id);
      if (!tenure_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_progress (TenureDb                      *db,
                  const TenureScenarioSnapshot  *snapshot,
                  GError                       **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; snapshot->enrolments != NULL && i < snapshot->enrolments->len; i++)
    {
      const ProgressRow *row = &g_array_index (snapshot->enrolments, ProgressRow, i);

      stmt = tenure_db_prepare (db,
                                "INSERT OR REPLACE INTO enrolment (account_id, scenario_id, "
                                "  started_on) VALUES (?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->account_id);
      sqlite3_bind_int64 (stmt, 2, snapshot->scenario_id);
      sqlite3_bind_text (stmt, 3, row->date, -1, SQLITE_TRANSIENT);
      if (!tenure_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < snapshot->done->len; i++)
    {
      const ProgressRow *row = &g_array_index (snapshot->done, ProgressRow, i);

      stmt = tenure_db_prepare (db,
                                "INSERT OR REPLACE INTO step_done (account_id, step_id, "
                                "  done_on) VALUES (?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->account_id);
      sqlite3_bind_int64 (stmt, 2, row->step_id);
      sqlite3_bind_text (stmt, 3, row->date, -1, SQLITE_TRANSIENT);
      if (!tenure_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; snapshot->initiatives != NULL && i < snapshot->initiatives->len; i++)
    {
      stmt = tenure_db_prepare (db, "UPDATE initiative SET scenario_id = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, snapshot->scenario_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (snapshot->initiatives, gint64, i));
      if (!tenure_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Makes the scenario's rows what they were when @snapshot was taken. Progress rows are only
 * ever added back: the ones a snapshot keeps are those its operation deletes (with a step
 * or a scenario), so rows added since, by an import or an automatic enrolment, stay. */
gboolean
tenure_scenario_snapshot_restore (TenureDb                      *db,
                                  const TenureScenarioSnapshot  *snapshot,
                                  GError                       **error)
{
  const TenureScenario *scenario = snapshot->scenario;
  sqlite3_stmt *stmt;

  if (scenario == NULL)
    return exec_with_id (db, "DELETE FROM scenario WHERE id = ?", snapshot->scenario_id, error);

  stmt = tenure_db_prepare (db,
                            "INSERT INTO scenario (id, name, job_id, description, active, "
                            "  auto_enrol_segment) VALUES (?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                            "  job_id = excluded.job_id, description = excluded.description, "
                            "  active = excluded.active, "
                            "  auto_enrol_segment = excluded.auto_enrol_segment",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->scenario_id);
  sqlite3_bind_text (stmt, 2, scenario->name, -1, SQLITE_TRANSIENT);
  tenure_scenario_bind_id (stmt, 3, scenario->job_id);
  sqlite3_bind_text (stmt, 4, scenario->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, scenario->active ? 1 : 0);
  tenure_scenario_bind_text (stmt, 6, scenario->auto_enrol_segment);
  if (!tenure_db_step_done (db, stmt, error))
    return FALSE;

  if (!restore_steps (db, snapshot, error))
    return FALSE;

  return snapshot->progress == TENURE_SCENARIO_PROGRESS_NONE ||
         restore_progress (db, snapshot, error);
}

static void
clear_job_row (gpointer data)
{
  JobRow *row = data;

  g_free (row->name);
  g_free (row->description);
}

/* The jobs created since the operation began. */
GArray *
tenure_scenario_jobs_created_since (TenureDb  *db,
                                    gint64     watermark,
                                    GError   **error)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (JobRow));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (jobs, clear_job_row);
  stmt = tenure_db_prepare (db, "SELECT id, name, description FROM job WHERE id > ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, watermark);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JobRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = tenure_scenario_column_text (stmt, 1),
        .description = tenure_scenario_column_text (stmt, 2),
      };

      g_array_append_val (jobs, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&jobs);
}

gboolean
tenure_scenario_jobs_insert (TenureDb      *db,
                             const GArray  *jobs,
                             GError       **error)
{
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      const JobRow *row = &g_array_index (jobs, JobRow, i);
      sqlite3_stmt *stmt;

      stmt = tenure_db_prepare (db, "INSERT INTO job (id, name, description) VALUES (?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_text (stmt, 2, row->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, row->description, -1, SQLITE_TRANSIENT);
      if (!tenure_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
tenure_scenario_jobs_delete (TenureDb      *db,
                             const GArray  *jobs,
                             GError       **error)
{
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    if (!exec_with_id (db, "DELETE FROM job WHERE id = ?", g_array_index (jobs, JobRow, i).id,
                       error))
      return FALSE;

  return TRUE;
}


gint64
tenure_scenario_snapshot_get_scenario_id (const TenureScenarioSnapshot *snapshot)
{
  return snapshot->scenario_id;
}

gint64
tenure_scenario_snapshot_get_progress (const TenureScenarioSnapshot *snapshot)
{
  return snapshot->progress;
}

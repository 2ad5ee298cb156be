/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the scenario code share: transactions, binding helpers, validation. */
#pragma once

#include "tenure-scenario.h"

G_BEGIN_DECLS

/* Opens a transaction unless the caller already has one; *owned says who must end it. */
gboolean tenure_scenario_txn_begin    (TenureDb     *db,
                                       gboolean     *owned,
                                       GError      **error);
/* Commits (or rolls back when !ok) a transaction we own; returns whether all went well. */
gboolean tenure_scenario_txn_end      (TenureDb     *db,
                                       gboolean      owned,
                                       gboolean      ok,
                                       GError      **error);

void     tenure_scenario_bind_id      (sqlite3_stmt *stmt,
                                       int           index,
                                       gint64        id);
void     tenure_scenario_bind_text    (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
char    *tenure_scenario_column_text  (sqlite3_stmt *stmt,
                                       int           column);

gboolean tenure_scenario_is_blank     (const char   *text);
gboolean tenure_scenario_set_not_found (GError     **error);
gboolean tenure_scenario_exists       (TenureDb     *db,
                                       gint64        scenario_id);

gboolean tenure_scenario_check_title  (const char   *title,
                                       GError      **error);
gboolean tenure_scenario_check_day    (int           day_offset,
                                       GError      **error);
gboolean tenure_scenario_check_job    (TenureDb     *db,
                                       gint64        job_id,
                                       GError      **error);
gboolean tenure_scenario_check_event_kind (const char *event_kind,
                                       GError      **error);
gboolean tenure_scenario_check_name   (TenureDb     *db,
                                       gint64        scenario_id,
                                       const char   *name,
                                       GError      **error);

/* Fills a whole step at once (import, templates, duplicate). */
gint64   tenure_scenario_insert_step  (TenureDb          *db,
                                       gint64             scenario_id,
                                       const TenureStep  *step,
                                       GError           **error);

gint64   tenure_scenario_get_step_scenario (TenureDb *db,
                                       gint64        step_id);

/* Snapshots of one scenario's rows that undo and redo write back (tenure-scenario-snapshot.c).
 * What progress a snapshot keeps: none, all of the scenario's (enrolments, step_done rows,
 * initiatives), or, given a step id, the step_done rows of that step. */
#define TENURE_SCENARIO_PROGRESS_NONE 0
#define TENURE_SCENARIO_PROGRESS_ALL (-1)

typedef struct _TenureScenarioSnapshot TenureScenarioSnapshot;

TenureScenarioSnapshot *tenure_scenario_snapshot_new_absent (gint64 scenario_id);
TenureScenarioSnapshot *tenure_scenario_snapshot_take       (TenureDb       *db,
                                                             gint64          scenario_id,
                                                             gint64          progress,
                                                             GError        **error);
gboolean                tenure_scenario_snapshot_restore    (TenureDb       *db,
                                                             const TenureScenarioSnapshot *snapshot,
                                                             GError        **error);
gint64   tenure_scenario_snapshot_get_scenario_id (const TenureScenarioSnapshot *snapshot);
gint64   tenure_scenario_snapshot_get_progress    (const TenureScenarioSnapshot *snapshot);
void     tenure_scenario_snapshot_free            (TenureScenarioSnapshot       *snapshot);

/* The jobs (GArray of rows) created after @watermark, and putting them back or away. */
GArray  *tenure_scenario_jobs_created_since (TenureDb      *db,
                                             gint64         watermark,
                                             GError       **error);
gboolean tenure_scenario_jobs_insert        (TenureDb      *db,
                                             const GArray  *jobs,
                                             GError       **error);
gboolean tenure_scenario_jobs_delete        (TenureDb      *db,
                                             const GArray  *jobs,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureScenarioSnapshot, tenure_scenario_snapshot_free)

G_END_DECLS

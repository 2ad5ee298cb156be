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

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly steering-committee workbook (XLSX), written safely next to its destination. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-metrics.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

/*
 * The Summary compares figures with targets read from workspace settings (numbers as
 * text; percentages in percent), with these defaults:
 *
 *   target_mrr_growth_pct      1     MRR change vs last month, at least
 *   target_nrr_pct           100     net revenue retention, at least
 *   target_grr_pct            90     gross revenue retention, at least
 *   target_logo_churn_pct      2     logo churn, at most
 *   target_revenue_churn_pct   1.5   revenue churn, at most
 *   target_nps                30     NPS, at least
 *   target_cli                75     CLI, at least
 *   target_taj_4_plus_pct     40     new accounts with TAJ > 3, at least
 *   target_signal48h_pct      60     sign-ups with a 48-hour signal, at least
 *   target_ttfv_days           7     median time to first value, at most
 *   target_at_risk_pct        10     share of customers at risk (red), at most
 *   target_clv_cac_ratio       3     CLV / CAC of each channel, at least
 *
 * A figure on the right side of its target is "On target" (green); within the watch band
 * (1 point for MRR growth, churn and CLV/CAC; 3 days for TTFV; 5 points for NRR, GRR and
 * the at-risk share; 10 for NPS, CLI, TAJ and the 48-hour signal) it is "Watch" (amber);
 * beyond, "Off target" (red). The Definitions sheet lists the values used.
 */

#define TENURE_REPORT_ERROR (tenure_report_error_quark ())

typedef enum
{
  TENURE_REPORT_ERROR_INVALID,     /* bad options: month, filter, output name */
  TENURE_REPORT_ERROR_WRITE,       /* the folder or the disk refused the file */
  TENURE_REPORT_ERROR_XLSX,        /* libxlsxwriter refused something */
} TenureReportError;

/* The report keeps its own texts in both languages, so that one process can write a
 * French and an English report at the same time, whatever its locale. */
typedef enum
{
  TENURE_REPORT_LANGUAGE_EN,
  TENURE_REPORT_LANGUAGE_FR,
  TENURE_REPORT_N_LANGUAGES,
} TenureReportLanguage;

typedef struct
{
  int                     month;          /* a TENURE_MONTH () */
  TenureReportLanguage    language;
  TenureFilter            filter;         /* TENURE_FILTER_NONE: every account */
  /* The moment written as "generated at"; NULL means now. Tests pin it. */
  GDateTime              *generated_at;
} TenureReportOptions;

GQuark               tenure_report_error_quark          (void);

void                 tenure_report_options_init         (TenureReportOptions  *options);
TenureReportLanguage tenure_report_language_from_locale (void);
gboolean             tenure_report_language_parse       (const char           *text,
                                                         TenureReportLanguage *language);

/* Writes the workbook to @output_path: into a hidden temporary file of the same folder
 * (".NAME.XXXXXX"), renamed over @output_path on success and removed on failure. Stale
 * temporaries left by a killed export of the same name are removed first. Part of the
 * figures are read through a second, read-only connection to @db's file (in parallel),
 * so @db must not hold uncommitted changes. */
gboolean             tenure_report_write                (TenureDb                   *db,
                                                         const TenureReportOptions  *options,
                                                         const char                 *output_path,
                                                         TenureProgressFunc          progress,
                                                         gpointer                    user_data,
                                                         GCancellable               *cancellable,
                                                         GError                    **error);

/* The same in a worker thread with its own read-only connection to @workspace_path.
 * @progress is called in the worker thread (see tenure-progress.h). */
void                 tenure_report_write_async          (const char                 *workspace_path,
                                                         const TenureReportOptions  *options,
                                                         const char                 *output_path,
                                                         TenureProgressFunc          progress,
                                                         gpointer                    progress_data,
                                                         GDestroyNotify              progress_data_destroy,
                                                         GCancellable               *cancellable,
                                                         GAsyncReadyCallback         callback,
                                                         gpointer                    user_data);
gboolean             tenure_report_write_finish         (GAsyncResult               *result,
                                                         GError                    **error);

G_END_DECLS

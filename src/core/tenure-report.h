/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly steering-committee workbook (XLSX), written safely next to its destination. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-metrics.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tenure-cli: the commands, their exit statuses and the helpers they share. */
#pragma once

#include <glib.h>

#include "tenure-db.h"
#include "tenure-metrics.h"

G_BEGIN_DECLS

/* Exit statuses of DESIGN.md. */
enum
{
  TENURE_EXIT_OK      = 0,
  TENURE_EXIT_REFUSED = 1,
  TENURE_EXIT_USAGE   = 2,
};

typedef int (*TenureCliCommandFunc) (int argc, char **argv);

int       tenure_cli_audit          (int            argc,
                                     char         **argv);
int       tenure_cli_backup         (int            argc,
                                     char         **argv);
int       tenure_cli_check          (int            argc,
                                     char         **argv);
int       tenure_cli_demo           (int            argc,
                                     char         **argv);
int       tenure_cli_import         (int            argc,
                                     char         **argv);
int       tenure_cli_initiatives    (int            argc,
                                     char         **argv);
int       tenure_cli_metrics        (int            argc,
                                     char         **argv);
int       tenure_cli_questions      (int            argc,
                                     char         **argv);
int       tenure_cli_report         (int            argc,
                                     char         **argv);
int       tenure_cli_scenarios      (int            argc,
                                     char         **argv);

/* Shared helpers (tenure-cli-common.c). */
int       tenure_cli_usage_error    (GOptionContext *context,
                                     const char     *format,
                                     ...) G_GNUC_PRINTF (2, 3);
int       tenure_cli_refuse         (const GError   *error);
gboolean  tenure_cli_parse          (GOptionContext *context,
                                     int            *argc,
                                     char         ***argv,
                                     int            *status);
gboolean  tenure_cli_parse_month    (GOptionContext *context,
                                     const char     *text,
                                     int            *month,
                                     int            *status);
TenureDb *tenure_cli_open_workspace (const char     *path,
                                     TenureDbOpenFlags flags,
                                     int            *status);
void      tenure_cli_warn_empty_group (TenureDb           *db,
                                       const TenureFilter *filter);

G_END_DECLS

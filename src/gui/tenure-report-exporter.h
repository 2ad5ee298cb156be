/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports the monthly report from the window: a file chooser, a progress bar, a toast. */
#pragma once

#include <adwaita.h>

#include "tenure-workspace.h"

G_BEGIN_DECLS

#define TENURE_TYPE_REPORT_EXPORTER (tenure_report_exporter_get_type ())

G_DECLARE_FINAL_TYPE (TenureReportExporter, tenure_report_exporter, TENURE, REPORT_EXPORTER, AdwBin)

void             tenure_report_exporter_choose            (TenureReportExporter *self,
                                                           TenureWorkspace      *workspace);
void             tenure_report_exporter_export_to         (TenureReportExporter *self,
                                                           TenureWorkspace      *workspace,
                                                           GFile                *file);
void             tenure_report_exporter_cancel            (TenureReportExporter *self);
double           tenure_report_exporter_get_fraction      (TenureReportExporter *self);
gboolean         tenure_report_exporter_get_busy          (TenureReportExporter *self);
AdwToastOverlay *tenure_report_exporter_get_toast_overlay (TenureReportExporter *self);
void             tenure_report_exporter_set_toast_overlay (TenureReportExporter *self,
                                                           AdwToastOverlay      *overlay);
char            *tenure_report_exporter_suggest_name      (int                   month);

G_END_DECLS

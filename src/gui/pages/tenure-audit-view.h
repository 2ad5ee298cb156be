/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Audit view of the Qualification page: which answers the best-retained customers gave. */
#pragma once

#include <adwaita.h>

#include "tenure-chart.h"
#include "tenure-qualify.h"

G_BEGIN_DECLS

#define TENURE_TYPE_AUDIT_VIEW (tenure_audit_view_get_type ())

G_DECLARE_FINAL_TYPE (TenureAuditView, tenure_audit_view, TENURE, AUDIT_VIEW, AdwBin)

void         tenure_audit_view_set_audit      (TenureAuditView   *self,
                                               const TenureAudit *audit);
const char  *tenure_audit_view_get_summary    (TenureAuditView   *self);
TenureChart *tenure_audit_view_get_chart      (TenureAuditView   *self,
                                               guint              index);
char        *tenure_audit_view_format_summary (const TenureAudit *audit);

G_END_DECLS

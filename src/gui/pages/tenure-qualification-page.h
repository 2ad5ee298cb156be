/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Qualification page: the signup questions, their audit and the threshold simulation. */
#pragma once

#include "tenure-page.h"
#include "tenure-qualify.h"

G_BEGIN_DECLS

#define TENURE_TYPE_QUALIFICATION_PAGE (tenure_qualification_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureQualificationPage, tenure_qualification_page, TENURE,
                      QUALIFICATION_PAGE, TenurePage)

typedef struct _TenureQuestionEditorView TenureQuestionEditorView;
typedef struct _TenureAuditView TenureAuditView;
typedef struct _TenureThresholdView TenureThresholdView;

void                      tenure_qualification_page_show_toast
                                                      (GtkWidget               *widget,
                                                       const char              *title,
                                                       gboolean                 undo);
void                      tenure_qualification_page_show_view
                                                      (TenureQualificationPage *self,
                                                       const char              *name);
TenureQuestionEditorView *tenure_qualification_page_get_questions_view
                                                      (TenureQualificationPage *self);
TenureAuditView          *tenure_qualification_page_get_audit_view
                                                      (TenureQualificationPage *self);
TenureThresholdView      *tenure_qualification_page_get_threshold_view
                                                      (TenureQualificationPage *self);
const TenureAudit        *tenure_qualification_page_get_audit
                                                      (TenureQualificationPage *self);

G_END_DECLS

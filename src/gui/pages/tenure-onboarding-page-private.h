/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page's insides, shared by its files (the actions are in
 * tenure-onboarding-page-actions.c). */
#pragma once

#include "tenure-onboarding-page.h"
#include "tenure-scenario-designer.h"

G_BEGIN_DECLS

struct _TenureOnboardingPage
{
  TenurePage              parent_instance;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkStack               *stack;
  GtkListBox             *list_box;
  GtkLabel               *list_caption;
  GtkWidget              *list_read_only_label;
  GtkWidget              *empty_read_only_label;
  GtkWidget              *designer_read_only_label;
  GtkLabel               *designer_title;
  GtkMenuButton          *designer_menu_button;
  TenureScenarioDesigner *designer;
  AdwStatusPage          *error_page;
  GtkSpinner             *enrol_spinner;

  /* The connection edits go through, opened off the main thread with the first load of
   * a workspace and kept with the undo history; NULL when the workspace is read-only. */
  TenureWorkspace        *edit_workspace;
  TenureDb               *edit_db;
  TenureScenarioEditor   *editor;

  GPtrArray              *stats;      /* TenureScenarioStats of the loaded month */
  GPtrArray              *jobs;       /* TenureScenarioJob */
  GStrv                   segments;
  GHashTable             *completion_labels;  /* scenario id → GtkLabel */
  int                     loaded_month;
  gint64                  open_scenario;
  guint                   edits;      /* edits saved, to tell a load older than the last */
  guint                   loaded : 1;
  guint                   enrolling : 1;  /* the editor is in a worker thread */
  GTask                  *enrol_task;     /* while enrolling */
  char                   *last_toast;
};

void     _tenure_onboarding_page_show_toast (TenureOnboardingPage *self,
                                             const char           *message,
                                             gboolean              offer_undo);
gboolean _tenure_onboarding_page_report     (TenureOnboardingPage *self,
                                             gboolean              ok,
                                             GError               *error);
gboolean _tenure_onboarding_page_can_edit   (TenureOnboardingPage *self);
void     _tenure_onboarding_page_show_list  (TenureOnboardingPage *self);

void     _tenure_onboarding_page_class_actions_init (GtkWidgetClass *widget_class);

/* After an edit made with the editor's handlers blocked. */
void     _tenure_onboarding_page_edited     (TenureOnboardingPage *self);

/* tenure-onboarding-page-enrol.c */
char    *_tenure_onboarding_page_format_day (gint32                day);
void     _tenure_onboarding_page_enrol_init (TenureOnboardingPage *self);
void     _tenure_onboarding_page_abandon_enrolment (TenureOnboardingPage *self);
void     _tenure_onboarding_page_class_enrol_init (GtkWidgetClass *widget_class);

G_END_DECLS

/* atlas-chip-box.c: entity chips laid out like words in a paragraph
 *
 * GtkFlowBox aligns its children in columns, so one long name pushes every
 * chip onto a line of its own; GTK 4.8 has no wrap box. This one places each
 * chip at its natural width and starts a new line when the next does not
 * fit. (The article list draws its chips: see atlas-chip-line.c.)
 */
#include "atlas-chip-box.h"

#define SPACING 4

struct _AtlasChipBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasChipBox, atlas_chip_box, GTK_TYPE_WIDGET)

typedef void (*PlaceFunc) (GtkWidget *child,
                           int        x,
                           int        y,
                           int        width,
                           int        height,
                           gpointer   user_data);

/* Walks the children as they would be placed in `width`, calling `place` for
 * each; returns the total height. */
static int
layout (AtlasChipBox *self,
        int           width,
        PlaceFunc     place,
        gpointer      user_data)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      child_width = MIN (child_width, width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);

      if (x > 0 && x + child_width > width)
        {
          x = 0;
          y += line_height + SPACING;
          line_height = 0;
        }
      if (place != NULL)
        place (child, x, y, child_width, child_height, user_data);
      x += child_width + SPACING;
      line_height = MAX (line_height, child_height);
    }

  return y + line_height;
}

static GtkSizeRequestMode
atlas_chip_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
atlas_chip_box_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AtlasChipBox *self = ATLAS_CHIP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;
      gboolean first = TRUE;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (first ? 0 : SPACING);
          first = FALSE;
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int height = layout (self, for_size < 0 ? G_MAXINT / 2 : for_size, NULL, NULL);

      *minimum = *natural = height;
    }
}

static void
place_child (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height,
             gpointer   user_data)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
atlas_chip_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  layout (ATLAS_CHIP_BOX (widget), width, place_child, NULL);
}

static void
atlas_chip_box_dispose (GObject *object)
{
  atlas_chip_box_remove_all (ATLAS_CHIP_BOX (object));

  G_OBJECT_CLASS (atlas_chip_box_parent_class)->dispose (object);
}

static void
atlas_chip_box_class_init (AtlasChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chip_box_dispose;
  widget_class->get_request_mode = atlas_chip_box_get_request_mode;
  widget_class->measure = atlas_chip_box_measure;
  widget_class->size_allocate = atlas_chip_box_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "chipbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_chip_box_init (AtlasChipBox *self)
{
}

GtkWidget *
atlas_chip_box_new (void)
{
  AtlasChipBox *self = g_object_new (ATLAS_TYPE_CHIP_BOX, NULL);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  return GTK_WIDGET (self);
}

void
atlas_chip_box_append (AtlasChipBox *self,
                       GtkWidget    *child)
{
  g_return_if_fail (ATLAS_IS_CHIP_BOX (self));
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
atlas_chip_box_remove_all (AtlasChipBox *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

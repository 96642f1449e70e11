"""Text analysis: segmentation, numbers, dates, quotations, entities."""

"""Report-like PDFs made with fpdf2 from our own invented text (no third-party
report text is copied): a front page with the title, dates, lead inspector and
judgement table, an earlier grade stated in words, and "What needs to improve?"."""
from __future__ import annotations

from pathlib import Path

GRADES = {"outstanding": "Outstanding", "good": "Good", "requires-improvement": "Requires improvement to be good",
          "inadequate": "Inadequate"}
ROWS = [("leadership", "The impact of leaders on social work practice with children and families"),
        ("help-protection", "The experiences and progress of children who need help and protection"),
        ("in-care", "The experiences and progress of children in care"),
        ("care-leavers", "The experiences and progress of care leavers")]


def make_report(path: Path, place: str, grades: dict[str, str], *, dates: str = "4 to 15 March 2024",
                lead: str = "Morag Quill", earlier: str = "2019", earlier_grade: str = "inadequate",
                pages: int = 3) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_font("Helvetica", size=11)

    def header() -> None:  # the running title every page repeats
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, f"Inspection of {place} local authority children's services", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)

    pdf.add_page()
    pdf.set_font("Helvetica", size=16)
    pdf.multi_cell(60, 8, f"Inspection of {place} local authority children's services", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, f"Inspection dates: {dates}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, f"Lead inspector: {lead}, His Majesty's Inspector", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(120, 6, "Judgement")
    pdf.cell(0, 6, "Grade", new_x="LMARGIN", new_y="NEXT")
    for area, label in ROWS:
        y = pdf.get_y()
        pdf.multi_cell(80, 6, label)  # wraps over two lines, as real tables do
        after = pdf.get_y()
        pdf.set_xy(120, y)
        pdf.cell(0, 6, GRADES[grades[area]], new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(after, pdf.get_y()))
    pdf.cell(120, 6, "Overall effectiveness")
    pdf.cell(0, 6, GRADES[grades["overall"]], new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, f"Since the last inspection in {earlier}, when services for children in {place} were judged "
                         f"to be {earlier_grade} overall, leaders have worked steadily to put things right. "
                         "A focused visit in 2021 found the pace of change too slow. " * 2)
    for page in range(2, pages + 1):
        pdf.add_page()
        header()
        if page == 2:
            pdf.cell(0, 6, "What needs to improve?", new_x="LMARGIN", new_y="NEXT")
            for point in ("The timeliness of assessments for children who need help and protection.",
                          "The stability of homes for children in care.",
                          "Management oversight of casework and supervision of social workers."):
                pdf.multi_cell(0, 6, "- " + point, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, "Social workers know the children they work with well and visit them often. " * 6)
        pdf.set_y(-15)
        pdf.cell(0, 5, str(page), align="C")
    pdf.output(str(path))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF whose page holds only a drawn rectangle: no text layer at all."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path

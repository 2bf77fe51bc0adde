"""A registration list read into a roster: a CSV with name and role columns, or one name a line."""

from __future__ import annotations

import pytest

from bootcamp.errors import UserError
from bootcamp.export.people_file import PeopleFileError, pasted_people, read_people


def test_a_registration_export_gives_first_and_last_name_with_the_job_title_as_role() -> None:
    text = (
        "\ufeffFirst Name,Last Name,Email,Job Title,Company\r\n"
        "Ana,Ortiz,ana@acme.example,CFO,Acme\r\n"
        "Ben,Lee,ben@acme.example,,Acme\r\n"
        ",,,,\r\n"  # the empty row Excel leaves
        "Zoë,Łukasiewicz,zoe@acme.example,Head of Service,Acme\r\n"
    )
    assert read_people(text, "attendees.csv", anonymous=False).people == (
        ("Ana Ortiz", "CFO"),
        ("Ben Lee", ""),
        ("Zoë Łukasiewicz", "Head of Service"),
    )


def test_a_european_export_with_semicolons_and_names_written_surname_first() -> None:
    text = 'Name;Role;E-mail\n"Smith, Ana";CEO;a@x.example\nBen Lee;;b@x.example\n'
    read = read_people(text, "teilnehmer.csv", anonymous=False)
    assert read.people == (("Ana Smith", "CEO"), ("Ben Lee", ""))
    assert read.notes == ("teilnehmer.csv:2: 'Smith, Ana' read as 'Ana Smith' (surname first)",)


def test_one_name_a_line_with_roles_in_brackets_and_surnames_first() -> None:
    text = "Ana Ortiz (CFO)\n\nSmith, Ana\nOkonkwo, David (CEO)\n"
    read = read_people(text, "people.txt", anonymous=False)
    assert read.people == (("Ana Ortiz", "CFO"), ("Ana Smith", ""), ("David Okonkwo", "CEO"))
    assert read.notes == (
        "people.txt:3: 'Smith, Ana' read as 'Ana Smith' (surname first) (also on line 4)",
    )


def test_an_anonymous_workshop_keeps_only_the_roles_of_a_registration_export() -> None:
    text = "Full Name,Job Title\nAna Ortiz,CFO\nBen Lee,\n"
    assert read_people(text, "a.csv", anonymous=True).people == (("", "CFO"), ("", ""))
    assert read_people('Name,Role\n"Smith, Ana",CFO\n', "a.csv", anonymous=True).notes == ()  # no name kept to say
    with pytest.raises(PeopleFileError) as refused:
        read_people("Ana Ortiz\nBen Lee\n", "a.txt", anonymous=True)
    assert str(refused.value) == (
        "a.txt:1: 'Ana Ortiz': an anonymous workshop stores no names; write a role in brackets, as in "
        '"(Ana Ortiz)", or give just how many participants'
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "people.csv: the file is empty; give one name a line, or a CSV with a Name column"),
        ("First Name,Last Name\n", "people.csv: no one is listed under the header"),
        ("First Name,Last Name,Job Title\nAna,Ortiz,CFO\n,,CEO\n", "people.csv:3: First Name, Last Name: empty, "
         "but the line has 'CEO'; every line needs a name"),
        ("Name,Job Title\nAna,CFO\n\"Ben,CEO\n", "people.csv:3: a quoted cell opened on this line is never closed "
         "(a \" is missing)"),
        (f"Name,Role\nAna,CFO\n{'x' * 81},\n", "people.csv:3: Name: 81 characters; a participant's name may have at most 80"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_sentence_naming_file_line_and_field(text: str, problem: str) -> None:
    with pytest.raises(PeopleFileError) as refused:
        read_people(text, "people.csv", anonymous=False)
    assert str(refused.value) == problem
    assert isinstance(refused.value, UserError)


def test_a_column_pasted_from_a_spreadsheet_becomes_one_person_a_line() -> None:
    # Excel copies a column as lines ending \r\n, no quotes around "Smith, Ana"; several columns with tabs.
    assert pasted_people("Smith, Ana\r\nLee, Ben\r\n") == "Ana Smith\nBen Lee\n"
    assert pasted_people("First Name\tLast Name\tJob Title\r\nAna\tOrtiz\tCFO\r\nBen\tLee\t\r\n") == (
        "Ana Ortiz (CFO)\nBen Lee\n"
    )
    # What the field reads as it is (a name, names with commas, one line) is pasted as it is.
    for typed in ("Ana Ortiz", "Ana, Ben, Chloe", "Ana (CFO), Ben\nChloe", "Ana\nBen\n"):
        assert pasted_people(typed) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # An export whose header names no name column: its rows are not names.
        ("Email,Ticket Type,Order Date\nana@x.example,General,2026-11-01\n", "people.csv:1: the header names no "
         "name column (Email, Ticket Type, Order Date); give a Name column, or First Name and Last Name"),
        ("Attendee Email;Company\nana@x.example;Acme\n", "people.csv:2: 'ana@x.example' is an e-mail address, not "
         "a name; give a CSV with a Name column, or one name a line"),
        # A Teams attendance report: a summary block, then the people's table further down.
        ("1. Summary\nMeeting title\tCCO boot camp\n\n2. Participants\nName\tEmail\tRole\nAna Smith\ta@x\tOrganizer\n",
         "people.csv:2: a tab, as between a spreadsheet's cells; give a CSV whose first line is its header with a "
         "Name column, or one name a line"),
    ],
)
def test_a_sheet_without_a_name_column_is_refused_rather_than_read_as_names(text: str, problem: str) -> None:
    with pytest.raises(PeopleFileError) as refused:
        read_people(text, "people.csv", anonymous=False)
    assert str(refused.value) == problem


def test_a_role_column_of_meeting_roles_is_not_taken_for_job_titles() -> None:
    # Teams' and Zoom's attendance lists have a Role column that says who organised the meeting.
    text = "Name,Email,Role\nAna Smith,a@x.example,Organizer\nBen Lee,b@x.example,Attendee\nCho Kim,c@x,Presenter\n"
    read = read_people(text, "attendance.csv", anonymous=False)
    assert read.people == (("Ana Smith", ""), ("Ben Lee", ""), ("Cho Kim", ""))
    assert read.notes == (
        "attendance.csv:1: Role: left out: it holds the meeting's roles (Organizer, Attendee, Presenter), "
        "not job titles",
    )


def test_excels_sep_line_above_the_header_names_the_separator() -> None:
    # Excel writes "sep=;" above the header when it is told the separator: a line of the file, not a person.
    text = "sep=;\nName;Role\nAna Smith;CFO\n\"Wu, Ben\";CEO\n"
    read = read_people(text, "attendees.csv", anonymous=False)
    assert read.people == (("Ana Smith", "CFO"), ("Ben Wu", "CEO"))
    assert read.notes == ("attendees.csv:4: 'Wu, Ben' read as 'Ben Wu' (surname first)",)


def test_a_one_column_list_under_a_name_header_keeps_names_written_surname_first_whole() -> None:
    # One column saved from a sheet: Excel quotes "Smith, Ana" only when the file is comma-separated CSV; a column
    # copied into a text file under its "Name" heading has no quotes, and the comma is the name's, not a separator.
    read = read_people("Name\nSmith, Ana\nBen Wu (CFO)\nWu, Dan\n", "people.txt", anonymous=False)
    assert read.people == (("Ana Smith", ""), ("Ben Wu", "CFO"), ("Dan Wu", ""))
    assert read.notes == ("people.txt:2: 'Smith, Ana' read as 'Ana Smith' (surname first) (also on line 4)",)


def test_a_column_pasted_with_its_name_heading_does_not_make_the_heading_a_person() -> None:
    assert pasted_people("Name\nSmith, Ana\nWu, Ben") == "Ana Smith\nBen Wu\n"


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Nombre,Cargo\nAna García,CFO\nBen Wu,CEO\n", (("Ana García", "CFO"), ("Ben Wu", "CEO"))),
        ("Vorname;Nachname;Position\nAna;Schmidt;CFO\n", (("Ana Schmidt", "CFO"),)),
        ("Prénom,Nom,Fonction\nAna,Martin,DAF\n", (("Ana Martin", "DAF"),)),
        ("Nome,Sobrenome,Cargo\nAna,Souza,CEO\n", (("Ana Souza", "CEO"),)),
        ("Naam,Functie\nAnna de Vries,CFO\n", (("Anna de Vries", "CFO"),)),
        ("Name;Vorname;Funktion\nSchmidt;Ana;CFO\n", (("Ana Schmidt", "CFO"),)),  # a German list: Name is the surname
    ],
)
def test_a_registration_export_in_another_language_is_read_by_its_name_and_role_columns(
    text: str, people: tuple[tuple[str, str], ...]
) -> None:
    assert read_people(text, "attendees.csv", anonymous=False).people == people


def test_job_titles_beside_a_role_column_of_meeting_roles_are_the_roles() -> None:
    # A webinar tool's registration export asks the job title and adds its own Role (Attendee, Organizer): the
    # Role column was taken, found meeting roles and left out, and with it every job title beside it.
    text = "First Name,Last Name,Email,Job Title,Role\nAna,Ortiz,a@x.example,CEO,Attendee\nEve,Martin,e@x,,Organizer\n"
    read = read_people(text, "registrations.csv", anonymous=False)
    assert read.people == (("Ana Ortiz", "CEO"), ("Eve Martin", ""))
    assert read.notes == (
        "registrations.csv:1: Role: left out: it holds the meeting's roles (Attendee, Organizer), not job titles; "
        "the roles are from Job Title",
    )


def test_a_role_column_left_out_does_not_refuse_the_file() -> None:
    # Every role column was checked, the one read and those left out: a Team column of long free text beside the Job
    # Title refused the whole file ("Team: 90 characters"), though no team is stored; a file read before.
    text = "Name,Job Title,Team\nAna Ortiz,CFO," + "finance and procurement and the shared services centre " * 2 + "\n"
    read = read_people(text, "registrations.csv", anonymous=False)
    assert read.people == (("Ana Ortiz", "CFO"),)
    # The column read is still checked, naming it.
    with pytest.raises(PeopleFileError, match=r"^registrations.csv:2: Job Title: 90 characters"):
        read_people("Name,Job Title,Team\nAna Ortiz," + "x" * 90 + ",Finance\n", "registrations.csv", anonymous=False)
    # Beside a Role column of meeting roles, the job titles are read and checked.
    with pytest.raises(PeopleFileError, match=r"^registrations.csv:3: Job Title: 90 characters"):
        read_people(
            "Name,Role,Job Title\nAna,Attendee,CFO\nBen,Organizer," + "x" * 90 + "\n", "registrations.csv",
            anonymous=False,
        )

#include "schedulepanel.h"

#include "accessibility.h"
#include "fhir/display.h"
#include "fhir/notestates.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

QString ownerReference(const fhir::ScheduleOwner &owner)
{
    if (owner.isEmpty())
        return {};
    return (owner.kind == fhir::ScheduleOwner::Kind::Location ? QStringLiteral("Location/")
                                                              : QStringLiteral("Practitioner/"))
            + owner.id;
}

fhir::ScheduleOwner ownerFrom(const QString &reference, const QString &name = {})
{
    fhir::ScheduleOwner owner;
    owner.name = name;
    if (const QString id = fhir::referenceId(reference, QStringLiteral("Location")); !id.isEmpty()) {
        owner.kind = fhir::ScheduleOwner::Kind::Location;
        owner.id = id;
    } else {
        owner.id = fhir::referenceId(reference, QStringLiteral("Practitioner"));
    }
    return owner;
}

// Enter on a row opens the patient (the table's own Enter would start nothing).
class ScheduleView final : public QTableView
{
public:
    using QTableView::QTableView;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
            && currentIndex().isValid() && event->modifiers() == Qt::NoModifier) {
            Q_EMIT activated(currentIndex());
            return;
        }
        QTableView::keyPressEvent(event);
    }
};

} // namespace

SchedulePanel::SchedulePanel(QWidget *parent)
    : QWidget(parent)
    , m_day(QDate::currentDate())
{
    setObjectName(QStringLiteral("schedulePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    m_previous = new QPushButton(tr("◀ &Previous day"), this);
    m_previous->setObjectName(QStringLiteral("previousDay"));
    m_previous->setAccessibleName(tr("Previous day"));
    m_date = new QDateEdit(m_day, this);
    m_date->setObjectName(QStringLiteral("scheduleDate"));
    m_date->setAccessibleName(tr("Day"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("ddd ") + QLocale().dateFormat(QLocale::ShortFormat));
    m_next = new QPushButton(tr("Ne&xt day ▶"), this);
    m_next->setObjectName(QStringLiteral("nextDay"));
    m_next->setAccessibleName(tr("Next day"));
    m_today = new QPushButton(tr("&Today"), this);
    m_today->setObjectName(QStringLiteral("today"));
    auto *forLabel = new QLabel(tr("F&or:"), this);
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("scheduleOwner"));
    m_owner->setAccessibleName(tr("Whose schedule"));
    m_owner->setMinimumContentsLength(24);
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    forLabel->setBuddy(m_owner);
    bar->addWidget(m_previous);
    bar->addWidget(m_date);
    bar->addWidget(m_next);
    bar->addWidget(m_today);
    bar->addSpacing(16);
    bar->addWidget(forLabel);
    bar->addWidget(m_owner, 1);
    layout->addLayout(bar);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("scheduleHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setAccessibleDescription(tr("Schedule"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

    m_stack = new QStackedWidget(this);
    m_view = new ScheduleView(m_stack);
    m_view->setObjectName(QStringLiteral("schedule"));
    m_view->setAccessibleName(tr("Appointments of the day"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_statePage = new QWidget(m_stack);
    auto *stateLayout = new QVBoxLayout(m_statePage);
    stateLayout->addStretch();
    m_state = new QLabel(m_statePage);
    m_state->setObjectName(QStringLiteral("scheduleState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setAccessibleDescription(tr("Schedule state"));
    stateLayout->addWidget(m_state);
    m_signIn = new QPushButton(tr("Sign &in"), m_statePage);
    m_signIn->setObjectName(QStringLiteral("scheduleSignIn"));
    stateLayout->addWidget(m_signIn, 0, Qt::AlignHCenter);
    stateLayout->addStretch();
    m_stack->addWidget(m_statePage);
    m_stack->addWidget(m_view);
    layout->addWidget(m_stack, 3);

    m_bar = new NoteActionBar(this);
    layout->addWidget(m_bar, 2);
    addActions(m_bar->actions());

    setTabOrder(m_previous, m_date);
    setTabOrder(m_date, m_next);
    setTabOrder(m_next, m_today);
    setTabOrder(m_today, m_owner);
    setTabOrder(m_owner, m_view);

    connect(m_previous, &QPushButton::clicked, this, [this] { showDay(m_day.addDays(-1)); });
    connect(m_next, &QPushButton::clicked, this, [this] { showDay(m_day.addDays(1)); });
    connect(m_today, &QPushButton::clicked, this, [this] { showDay(QDate::currentDate()); });
    connect(m_date, &QDateEdit::dateChanged, this, [this](const QDate &d) { showDay(d); });
    connect(m_owner, &QComboBox::currentIndexChanged, this, &SchedulePanel::ownerChosen);
    connect(m_signIn, &QPushButton::clicked, this, &SchedulePanel::signInRequested);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (m_model && index.isValid() && !m_model->patient(index.row()).id.isEmpty())
            Q_EMIT patientOpened(m_model->patient(index.row()));
    });
    connect(m_bar, &NoteActionBar::signInNeeded, this, &SchedulePanel::signInNeeded);
    connect(m_bar, &NoteActionBar::announcement, this, &SchedulePanel::announcement);
    connect(m_bar, &NoteActionBar::noteFinished, this,
            [this](const NoteResult &, const NoteTarget &target) {
                // The status as the EHR has it now (a check-in makes it "arrived").
                if (m_model && !target.appointmentId.isEmpty())
                    m_model->reread(target.appointmentId);
            });
    showState();
}

QString SchedulePanel::settingsKey() const
{
    return QStringLiteral("schedule/owner/") + m_profile;
}

void SchedulePanel::setClients(FhirClient *fhir, NotesClient *notes, NoteStates *states,
                               const QString &profile)
{
    m_fhir = fhir;
    m_states = states;
    m_profile = profile;
    m_me.clear();
    m_meName.clear();
    m_ownersLoaded = false;
    delete m_model;
    m_model = fhir ? new ScheduleModel(fhir, this) : nullptr;
    m_view->setModel(m_model);
    selectCurrentRowWhenNothingIs(m_view);
    m_bar->setClients(notes, states);
    {
        const QSignalBlocker block(m_owner);
        m_owner->clear();
        m_owner->addItem(tr("Choose a practitioner or site…"), QString());
        const QString saved = QSettings().value(settingsKey()).toString();
        if (!profile.isEmpty() && !saved.isEmpty()) {
            m_owner->addItem(saved, saved);
            m_owner->setCurrentIndex(1);
        }
    }
    if (m_model) {
        m_model->setNoteStates(states);
        QHeaderView *header = m_view->horizontalHeader();
        for (int c : {ScheduleModel::Time, ScheduleModel::Age, ScheduleModel::Sex,
                      ScheduleModel::Status, ScheduleModel::NoteState})
            header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        m_view->setColumnWidth(ScheduleModel::Patient, 220);
        m_view->setColumnWidth(ScheduleModel::Type, 150);
        connect(m_model, &ScheduleModel::stateChanged, this, &SchedulePanel::showState);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &SchedulePanel::updateTargets);
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &SchedulePanel::updateTargets);
    }
    showState();
    updateTargets();
}

void SchedulePanel::setSignedIn(bool signedIn, const QString &where)
{
    m_where = where;
    if (m_signedIn == signedIn) {
        showState();
        return;
    }
    m_signedIn = signedIn;
    if (!signedIn) {
        clear();
        return;
    }
    loadOwners();
    load();
}

void SchedulePanel::setSignedInPractitioner(const QString &id, const QString &name)
{
    if (id.isEmpty() || id == m_me)
        return;
    m_me = id;
    m_meName = name;
    const QString reference = QStringLiteral("Practitioner/") + id;
    const QString text = name.isEmpty() ? tr("Me (%1)").arg(reference) : tr("%1 (you)").arg(name);
    QSignalBlocker block(m_owner);
    int index = m_owner->findData(reference);
    if (index < 0) {
        m_owner->insertItem(1, text, reference);
        index = 1;
    } else {
        m_owner->setItemText(index, text);
    }
    // The signed-in practitioner's day is what opens, unless someone else's was chosen.
    if (m_owner->currentIndex() <= 0 || !QSettings().contains(settingsKey()))
        m_owner->setCurrentIndex(index);
    block.unblock();
    load();
}

void SchedulePanel::loadOwners()
{
    if (!m_fhir || m_ownersLoaded || !m_signedIn)
        return;
    m_ownersLoaded = true;
    const QPointer<FhirClient> fhir = m_fhir;
    m_fhir->practitioners()->then(this, [this, fhir](const fhir::Page<fhir::Practitioner> &page) {
        if (fhir != m_fhir)
            return;
        const QSignalBlocker block(m_owner);
        for (const fhir::Practitioner &p : page.items) {
            const QString reference = QStringLiteral("Practitioner/") + p.id;
            const QString text = p.id == m_me ? tr("%1 (you)").arg(p.name) : p.name;
            const int at = m_owner->findData(reference);
            if (at >= 0)
                m_owner->setItemText(at, text);
            else
                m_owner->addItem(text, reference);
        }
        showState();
    });
    m_fhir->locations()->then(this, [this, fhir](const fhir::Page<fhir::Location> &page) {
        if (fhir != m_fhir)
            return;
        const QSignalBlocker block(m_owner);
        for (const fhir::Location &l : page.items) {
            const QString reference = QStringLiteral("Location/") + l.id;
            const QString text = tr("%1 (site)").arg(l.name);
            const int at = m_owner->findData(reference);
            if (at >= 0)
                m_owner->setItemText(at, text);
            else
                m_owner->addItem(text, reference);
        }
        showState();
    });
}

fhir::ScheduleOwner SchedulePanel::owner() const
{
    return ownerFrom(m_owner->currentData().toString(), m_owner->currentText());
}

void SchedulePanel::setOwner(const fhir::ScheduleOwner &owner)
{
    const QString reference = ownerReference(owner);
    int index = m_owner->findData(reference);
    if (index < 0) {
        m_owner->addItem(owner.name.isEmpty() ? reference : owner.name, reference);
        index = m_owner->count() - 1;
    }
    m_owner->setCurrentIndex(index);
}

void SchedulePanel::ownerChosen()
{
    const QString reference = m_owner->currentData().toString();
    if (!m_profile.isEmpty() && !reference.isEmpty())
        QSettings().setValue(settingsKey(), reference);
    load();
}

void SchedulePanel::showDay(const QDate &day)
{
    if (!day.isValid())
        return;
    m_day = day;
    {
        const QSignalBlocker block(m_date);
        m_date->setDate(day);
    }
    load();
}

void SchedulePanel::load()
{
    if (!m_model)
        return;
    if (!m_signedIn || owner().isEmpty()) {
        m_model->clear();
        showState();
        return;
    }
    m_model->load(m_day, owner());
    showState();
}

void SchedulePanel::clear()
{
    if (m_model)
        m_model->clear();
    m_bar->clearResults();
    m_bar->dropPending();
    showState();
    updateTargets();
}

QList<NoteTarget> SchedulePanel::targets() const
{
    QList<NoteTarget> list;
    if (!m_model || !m_view->selectionModel())
        return list;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &row : std::as_const(rows)) {
        const fhir::Appointment a = m_model->appointment(row.row());
        NoteTarget t;
        t.noteId = a.noteId;
        t.appointmentId = a.id;
        t.appointmentStatus = a.status;
        t.patientName = m_model->patient(row.row()).displayName();
        t.start = a.start;
        list << t;
    }
    return list;
}

void SchedulePanel::updateTargets()
{
    m_bar->setTargets(targets());
}

QString SchedulePanel::heading() const
{
    return m_heading->text();
}

QString SchedulePanel::stateText() const
{
    return m_stack->currentWidget() == m_statePage ? m_state->text() : QString();
}

void SchedulePanel::showState()
{
    const fhir::ScheduleOwner who = owner();
    const QString day = fhir::dayWithWeekdayText(m_day);
    QString heading = who.isEmpty() ? day : tr("%1 — %2").arg(day, who.name);
    QString text;
    bool offerSignIn = false;
    for (QWidget *w : {static_cast<QWidget *>(m_previous), static_cast<QWidget *>(m_date),
                       static_cast<QWidget *>(m_next), static_cast<QWidget *>(m_today),
                       static_cast<QWidget *>(m_owner)})
        w->setEnabled(m_model && m_signedIn);
    if (!m_model) {
        text = tr("Add a profile with a FHIR API to see a day's schedule.");
        heading.clear();
    } else if (!m_signedIn) {
        const QString where = m_where.isEmpty() ? tr("the EHR") : m_where;
        text = tr("You are signed out of %1. Sign in to see the day's schedule.").arg(where);
        offerSignIn = true;
        heading.clear();
    } else if (who.isEmpty()) {
        text = tr("Choose whose schedule to show: a practitioner or a site, in “For” above.");
    } else {
        switch (m_model->state()) {
        case ScheduleModel::State::Idle:
        case ScheduleModel::State::Loading:
            text = tr("Loading the schedule…");
            break;
        case ScheduleModel::State::Empty:
            text = tr("No appointments on %1 for %2.").arg(day, who.name);
            break;
        case ScheduleModel::State::Failed:
            if (m_model->failure().kind == Failure::Kind::SignInRequired) {
                text = tr("Sign in again to see the schedule.");
                offerSignIn = true;
                Q_EMIT signInNeeded(m_model->failure().message);
            } else {
                text = m_model->failure().message;
            }
            break;
        case ScheduleModel::State::Loaded:
            heading = tr("%1 — %n appointment(s)", nullptr, m_model->rowCount()).arg(heading);
            break;
        }
    }
    if (m_heading->text() != heading) {
        m_heading->setText(heading);
        textChanged(m_heading);
    }
    if (m_state->text() != text) {
        m_state->setText(text);
        textChanged(m_state);
    }
    m_signIn->setVisible(offerSignIn);
    m_stack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_view) : m_statePage);
}

} // namespace chartkey::ui

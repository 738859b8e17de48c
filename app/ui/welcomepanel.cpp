#include "welcomepanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace chartkey::ui {

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcome"));
    // One column of fixed width in the middle (layouts without alignment flags, so that the
    // wrapped texts get the height they need).
    auto *content = new QWidget(this);
    content->setFixedWidth(620);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Welcome to chartkey"), content);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    column->addWidget(title);
    auto *intro = new QLabel(tr("chartkey signs you in to your EHR and opens your day's "
                                "schedule. First it needs a profile: where your EHR is, and "
                                "the app registration to sign in with."),
                             content);
    intro->setObjectName(QStringLiteral("welcomeIntro"));
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    column->addWidget(intro);
    column->addSpacing(18);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(12);
    m_add = new QPushButton(tr("&Add a profile…"), content);
    m_add->setObjectName(QStringLiteral("welcomeAdd"));
    m_add->setDefault(true);
    auto *addText = new QLabel(tr("Type your EHR's address and the client ID of its app "
                                  "registration; chartkey fills in the rest."),
                               content);
    addText->setWordWrap(true);
    m_add->setAccessibleDescription(addText->text());
    m_import = new QPushButton(tr("&Import a profile…"), content);
    m_import->setObjectName(QStringLiteral("welcomeImport"));
    auto *importText = new QLabel(tr("Open a profile file (.json) your administrator or a "
                                     "colleague shared; it holds no secrets."),
                                  content);
    importText->setWordWrap(true);
    m_import->setAccessibleDescription(importText->text());
    grid->addWidget(m_add, 0, 0, Qt::AlignTop);
    grid->addWidget(addText, 0, 1);
    grid->addWidget(m_import, 1, 0, Qt::AlignTop);
    grid->addWidget(importText, 1, 1);
    grid->setColumnStretch(1, 1);
    column->addLayout(grid);

    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(content);
    row->addStretch();
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);
    setTabOrder(m_add, m_import);

    connect(m_add, &QPushButton::clicked, this, &WelcomePanel::addRequested);
    connect(m_import, &QPushButton::clicked, this, &WelcomePanel::importRequested);
}

} // namespace chartkey::ui

// Renders resources/chartkey.svg into the PNG icons of the hicolor theme and a Windows
// .ico (PNG entries, one per size). Run through render-icons.sh; the output is committed,
// so a build never needs an SVG renderer.
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QtEndian>

#include <cstdio>
#include <vector>

namespace {

QImage render(const QIcon &icon, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    icon.paint(&painter, QRect(0, 0, size, size));
    painter.end();
    return image;
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void put16(QByteArray &out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 2);
}

void put32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 4);
}

// An ICO file whose entries are PNG images (supported since Windows Vista).
QByteArray ico(const std::vector<QByteArray> &pngs, const std::vector<int> &sizes)
{
    QByteArray out;
    put16(out, 0);
    put16(out, 1);
    put16(out, quint16(pngs.size()));
    quint32 offset = 6 + 16 * quint32(pngs.size());
    for (size_t i = 0; i < pngs.size(); ++i) {
        const int s = sizes[i];
        out.append(char(s >= 256 ? 0 : s));
        out.append(char(s >= 256 ? 0 : s));
        out.append(char(0));
        out.append(char(0));
        put16(out, 1);
        put16(out, 32);
        put32(out, quint32(pngs[i].size()));
        put32(out, offset);
        offset += quint32(pngs[i].size());
    }
    for (const QByteArray &p : pngs)
        out.append(p);
    return out;
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: render-icons SVG OUTPUT_DIR\n");
        return 2;
    }
    const QIcon icon(args.at(1));
    if (icon.availableSizes().isEmpty() && icon.pixmap(16).isNull()) {
        std::fprintf(stderr, "cannot load %s (is the Qt SVG icon engine installed?)\n",
                     qPrintable(args.at(1)));
        return 1;
    }
    const QString out = args.at(2);
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        const QString path =
                QStringLiteral("%1/hicolor/%2x%2/apps/chartkey.png").arg(out).arg(size);
        if (!write(path, png(render(icon, size))))
            return 1;
    }
    const std::vector<int> icoSizes{16, 24, 32, 48, 64, 256};
    std::vector<QByteArray> pngs;
    for (int size : icoSizes)
        pngs.push_back(png(render(icon, size)));
    return write(out + QStringLiteral("/chartkey.ico"), ico(pngs, icoSizes)) ? 0 : 1;
}

"""Prompt and teaser families, whatever the outlet (issue #14): channel and tip lines, fact-check
chat lines, continuation prompts, video teasers glued after the last sentence, embed stubs.

Every case is written by hand, in the shape of the family, with invented names; each family has
story sentences beside it that must stay, so a pattern that eats prose fails here.
"""

from __future__ import annotations

import pytest

import newsclean

STORY = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak parah tahun ini."
MORE = "Warga berharap perbaikan selesai sebelum musim hujan tiba, kata kepala desa kepada wartawan."
EN_STORY = "The central bank raised its benchmark interest rate by a quarter point on Wednesday, officials said."
EN_MORE = "Analysts had expected the move after a string of strong reports on jobs and wages this year."


def body(story: str, line: str, more: str) -> list[str]:
    return newsclean.clean("\n\n".join([story, line, more])).paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "* Follow Official WhatsApp Channel Kabarkita.com untuk mendapatkan berita terkini dengan mengklik tautan.",
        "Gabung di saluran WhatsApp kami untuk berita terkini",
        "Yuk, gabung grup Telegram kami dan dapatkan kabar terbaru setiap pagi",
        "Jangan lewatkan berita menarik lainnya, ikuti kami di Google News",
        "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor 0811 000.",
        "Jika Anda memiliki informasi seputar hoaks yang ingin kami telusuri, silakan kirim ke email redaksi kami.",
        "Punya informasi menarik? Hubungi kami via WhatsApp 0812-0000-0000",
        "Baca selengkapnya di halaman berikutnya",
        "Lanjut ke halaman 2",
        "10/07/18 Bagikan Tutup",
        "RINA WULANDARI adalah seorang peneliti dan pengamat kebijakan publik di Jakarta.",
        "5 menit yang lalu",
        "Diperbarui 1 jam lalu",
        "Lihat postingan ini di Instagram",
        "Sebuah kiriman dibagikan oleh Rina Wulan (@rinawulan)",
        "Artikel ini sudah terbit di Kabarkita.com dengan judul Jalan Desa Diperbaiki",
        "Baca Selanjutnya: Harga Cabai Naik Tajam Jelang Lebaran",
        "Update berita terkini dan viral lainnya di Google News",
        "Klik di sini untuk artikel selengkapnya",
        "Berita selengkapnya dapat dibaca di Harian Kabar edisi cetak",
        "Scroll untuk melanjutkan membaca",
        "Scroll down untuk melanjutkan membaca",
        "Lanjutkan Membaca ↓",
        "Saksikan live streaming pertandingan Liga Satu di Layarkita",
        "Tonton siaran langsung final bulu tangkis melalui aplikasi Nontonyuk",
        "Kabarkita.com telah terverifikasi secara administratif dan faktual oleh Dewan Pers",
        "Ikuti terus berita terbaru seputar Pemilu 2029 hanya di Kabarkita.com",
        "Video Terkini",
        "Video Pilihan Hari Ini",
        "Tag Terkait",
        "Live Streaming",
        "Infografis Harga Beras Naik Jelang Ramadan",
        "Postingan ini telah dibagikan oleh akun @kabarkita",
        "Unggahan ini dibagikan oleh @kabarkita",
        "Lihat video ini di TikTok",
        "Yuk, baca artikel seputar rekomendasi drama Korea lainnya di Kabarkita.com. Kabarkita, kabar kita semua!",
        "Temukan berbagai ulasan menarik dan kabar terbaru dunia hiburan lainnya di kabarkita.com.",
        "Jangan lewatkan update terbaru seputar drama Korea hanya di Kabarkita.com.",
        "Nantikan artikel menarik lainnya hanya di Kabarkita.co.id",
        "Kunjungi Kabarkita.com untuk berita hiburan terbaru.",
        "Yuk, follow akun Instagram Kabarkita untuk update terbaru!",
        "Jangan lupa follow akun Instagram kami untuk update terbaru.",
        "(Ayo ikuti saluran WhatsApp Kabarkita.com biar enggak ketinggalan update dan berita terbaru.)",
    ],
)
def test_an_indonesian_prompt_line_goes(line: str) -> None:
    assert body(STORY, line, MORE) == [STORY, MORE], line


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Telegram for breaking news",
        "Join our WhatsApp channel for the latest updates",
        "Download our app for the latest headlines",
        "Turn on notifications to get breaking news alerts",
        "Get the latest news delivered to your inbox",
        "For the latest news, follow us on Facebook and Twitter",
        "Click here to subscribe to our newsletter",
        "Have a news tip? Contact us at tips@example.com",
        "Got a story idea? Email the newsroom at desk@example.com",
        "Read more stories like this on our website",
        "WATCH: Central bank chief speaks after the rate decision",
        "Continue reading below",
        "Updated 2 hours ago",
        "Watch the video above to see the full interview with the company chairman.",
        "Contact us at news@example.com",
        "Reach Jane Doe at jdoe@example.com or 555-123-4567.",
        "Follow Jane Doe on Twitter: @janedoe",
        "Support our journalism. Subscribe today for unlimited access to local news.",
        "Become a member and support independent reporting.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "The Associated Press contributed to this report.",
        "Jane Doe and John Smith contributed reporting from Washington.",
        "If you value our reporting, please consider making a donation.",
        "If you enjoyed this article, consider subscribing to our weekly newsletter.",
        "You have reached your limit of free articles.",
        "Already a subscriber? Log in",
        "Subscribe to continue reading.",
        "Listen to this article",
        "Continue reading the main story",
        "Leave a comment",
        "Comments are closed.",
        "RELATED COVERAGE",
        "A post shared by Jane Doe (@janedoe)",
        "See more on Instagram",
        "Watch on TikTok",
        "Tap to unmute",
        "Twitter Ads info and privacy",
        "@janedoe ♬ original sound - janedoe",
        "[Related: How our seasonal snowfall compares with previous winters]",
        "[ARTIKEL BERKAITAN: Jalan ke bukit sesak lagi pada hujung minggu]",
        "VIEW GALLERY - 2 IMAGES",
    ],
)
def test_an_english_prompt_line_goes(line: str) -> None:
    assert body(EN_STORY, line, EN_MORE) == [EN_STORY, EN_MORE], line


@pytest.mark.parametrize(
    ("sentence", "teaser"),
    [
        ('"Kami terus memantau situasi di lapangan," kata dia.', 'Simak Video "Warga Memperbaiki Jalan"'),
        ('"Kami terus memantau situasi di lapangan," kata dia.', "Lihat juga Video: Banjir Rendam Ratusan Rumah"),
        ("Perbaikan dimulai pekan depan.", "Saksikan Live Pagi Ini:"),
        ("Perbaikan dimulai pekan depan.", "Baca selengkapnya di halaman berikutnya"),
        ("Perbaikan dimulai pekan depan.", "ADVERTISEMENT"),
        ("Perbaikan dimulai pekan depan.", "Scroll untuk melanjutkan"),
        ("Restoran tersebut berada di Jakarta.", "3 dari 7 halaman"),
        ("Tidak ada makan siang gratis.", "Penulis adalah peneliti pada sebuah lembaga kajian ekonomi di Jakarta"),
        ("Perbaikan dimulai pekan depan.", "Ingin baca update terbaru lainnya? Yuk baca di Kabarkita.com."),
        ("Perbaikan dimulai pekan depan.", "Simak video pilihan berikut ini:"),
    ],
)
def test_a_teaser_glued_after_the_last_sentence_is_cut_and_the_sentence_stays(sentence: str, teaser: str) -> None:
    for glue in (" ", ""):
        paragraphs = body(STORY, sentence + glue + teaser, MORE)
        text = "\n".join(paragraphs)
        assert sentence in text and teaser not in text, (glue, teaser)


@pytest.mark.parametrize(
    ("story", "line", "more"),
    [
        (STORY, "Pesan berantai itu beredar di grup WhatsApp warga sejak Senin malam, kata polisi.", MORE),
        (STORY, "Lihat video tersebut, polisi langsung bergerak ke lokasi kejadian pada malam itu.", MORE),
        (STORY, "Jika Anda menemukan jalan rusak, pemerintah meminta warga melapor ke kelurahan setempat.", MORE),
        (STORY, "Punya anak kecil? Dokter menyarankan orang tua menjauhkan obat dari jangkauan mereka.", MORE),
        (EN_STORY, "Download speeds on the new network rose by a fifth, the regulator said in its report.", EN_MORE),
        (EN_STORY, "Follow-up talks with the unions are set for next week, a ministry spokesman said.", EN_MORE),
        (EN_STORY, "Get ready for higher prices, the governor warned in a speech to lawmakers on Tuesday.", EN_MORE),
        (EN_STORY, "Support for the measure grew among lawmakers after the vote on Tuesday, officials said.", EN_MORE),
        (EN_STORY, "Reach out to your representative, the group urged in a statement on Monday morning.", EN_MORE),
        (EN_STORY, "Follow the money, investigators said, and you will find the people behind the scheme.", EN_MORE),
        (EN_STORY, "The fund contributed to the report's findings on wages, its director said on Friday.", EN_MORE),
        (EN_STORY, "Video footage showed protesters clashing with police outside the parliament building.", EN_MORE),
        (EN_STORY, "If you value your privacy, the senator said, you should be worried about this bill.", EN_MORE),
        (EN_STORY, "Residents who want to leave a comment on the plan can do so at city hall until Friday.", EN_MORE),
        (EN_STORY, "You have reached the limit of what the budget can pay, the mayor told the council.", EN_MORE),
        (EN_STORY, "A post shared by the ministry drew thousands of angry comments, officials said.", EN_MORE),
        (EN_STORY, '[The senator said: "We will vote on Friday," according to the transcript.]', EN_MORE),
        (EN_STORY, "Send tips to the desk at tips@example.com if you saw the crash on Monday.", EN_MORE),
        (EN_STORY, "View the gallery of winners at the county fair this weekend, officials said.", EN_MORE),
        (STORY, "Unggahan itu dibagikan oleh ribuan warga dalam waktu satu jam, kata polisi.", MORE),
        # a how-to's steps to a government or campus site are the story
        (STORY, "Cek status penerima bansos terbaru di laman cekbansos.kemensos.go.id dengan memasukkan NIK.", MORE),
        (STORY, "Dapatkan informasi lengkap pendaftaran terbaru di laman sscasn.bkn.go.id sebelum batas waktu.", MORE),
        (STORY, "Kunjungi laman pmb.ui.ac.id untuk informasi pendaftaran mahasiswa baru.", MORE),
        (STORY, "Polisi meminta warga membaca informasi terbaru di akun resmi kepolisian.", MORE),
        (STORY, "Data itu bisa dilihat di Google Maps dan aplikasi lain, kata petugas kepada warga desa.", MORE),
        (STORY, "Klik saja tombolnya, kata dia sambil tertawa, lalu mesin itu akan menyala sendiri.", MORE),
        (STORY, "Infografis yang dirilis lembaga itu menunjukkan harga beras naik dua kali lipat.", MORE),
        (STORY, "Lanjutkan membaca buku itu, pesan sang guru kepada murid-muridnya di kelas pagi itu.", MORE),
        (STORY, "Video pilihan warga itu kemudian diputar di balai desa pada malam harinya.", MORE),
        (STORY, "Siaran langsung pertandingan itu ditonton jutaan warga di seluruh negeri, kata panitia.", MORE),
    ],
)
def test_story_sentences_beside_those_families_stay(story: str, line: str, more: str) -> None:
    assert body(story, line, more) == [story, line, more], line

"""Indonesian texts of the demo library (Better Work Indonesia)."""

COMMON = {
    "library_title": "Sumber daya",
    "library_intro": "Modul pelatihan, kebijakan model, panduan, buku kerja, materi "
    "penyadaran dan alat belajar mandiri, menurut negara, industri dan bahasa.",
    "body_programme": "Cara menggunakan program ini: jalankan modul secara berurutan, satu "
    "modul setiap satu atau dua minggu, dan sepakati satu perbaikan kecil di lantai produksi "
    "setelah setiap sesi.",
    "body_module": "Modul ini dilengkapi panduan pelatih, bahan bacaan peserta dan salindia. "
    "Sesuaikan contoh dengan pabrik Anda dan hukum nasional sebelum sesi.",
    "body_policy": "Sesuaikan kebijakan model ini dengan hukum nasional dan perusahaan Anda, "
    "bahas di LKS Bipartit, lalu tempelkan di tempat yang dapat dibaca setiap pekerja.",
    "body_awareness": "Cetak, tempelkan di tempat pekerja berkumpul atau tampilkan dalam "
    "rapat lini, dan sediakan waktu untuk pertanyaan.",
    "policy_outline": "1. Tujuan dan ruang lingkup. 2. Definisi. 3. Tanggung jawab. "
    "4. Prosedur. 5. Kerahasiaan dan perlindungan dari pembalasan. 6. Peninjauan.",
    "objectives": "Menjelaskan aturan yang berlaku\nBerlatih dengan kasus dari pabrik nyata\n"
    "Menyepakati satu perbaikan untuk dicoba di lantai produksi",
    "duration_supervisors": "8 minggu",
    "duration_law": "6 sesi",
}

RESOURCES = {
    "supervisory-skills-training": (
        "Pelatihan keterampilan penyelia",
        "Kursus Better Work untuk penyelia lini: empat modul tentang berbicara dengan pekerja, "
        "bekerja sama, merencanakan produksi dan mencegah pelecehan, dijalankan di pabrik "
        "selama delapan minggu.",
    ),
    "preventing-sexual-harassment-a-guide-for-supervisors": (
        "Mencegah pelecehan seksual: panduan untuk penyelia",
        "Apa yang termasuk pelecehan seksual di tempat kerja, bagaimana penyelia menanggapi "
        "pengaduan pekerja, dan mengapa pelapor tidak boleh dihukum.",
    ),
    "model-anti-harassment-policy": (
        "Kebijakan model anti-pelecehan",
        "Kebijakan dua halaman yang mendefinisikan pelecehan, menunjuk penerima pengaduan dan "
        "melindungi pelapor. Siap disesuaikan dan ditandatangani.",
    ),
    "fire-safety-poster": (
        "Poster keselamatan kebakaran",
        "Jaga pintu keluar tetap bebas, ketahui titik kumpul, jangan pernah mengunci pintu "
        "selama jam kerja: satu poster untuk setiap lantai.",
    ),
    "labour-law-essentials": (
        "Pokok-pokok hukum ketenagakerjaan",
        "Modul singkat tentang ketentuan hukum ketenagakerjaan yang paling sering keliru "
        "diterapkan pabrik, ditulis bersama tim setiap negara dalam bahasa pekerjanya.",
    ),
    "wage-structure-and-scale-in-indonesia": (
        "Struktur dan skala upah di Indonesia",
        "Cara menyusun struktur dan skala upah yang menghargai golongan, keterampilan dan masa "
        "kerja, sesuai peraturan ketenagakerjaan.",
    ),
    "model-osh-policy": (
        "Kebijakan model K3",
        "Komitmen pengusaha terhadap keselamatan dan kesehatan kerja, tugas P2K3, serta cara "
        "melaporkan dan menyelidiki kecelakaan.",
    ),
}

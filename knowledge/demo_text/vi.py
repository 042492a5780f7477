"""Vietnamese texts of the demo library (Better Work Vietnam)."""

COMMON = {
    "library_title": "Tài nguyên",
    "library_intro": "Học phần đào tạo, chính sách mẫu, hướng dẫn, sổ tay thực hành, tài liệu "
    "truyền thông và công cụ tự đánh giá, theo quốc gia, ngành và ngôn ngữ.",
    "body_programme": "Cách sử dụng chương trình: thực hiện các học phần theo thứ tự, mỗi một "
    "hoặc hai tuần một học phần, và thống nhất một cải tiến nhỏ tại xưởng sau mỗi buổi.",
    "body_module": "Học phần gồm hướng dẫn cho giảng viên, tài liệu phát tay cho học viên và "
    "bài trình chiếu. Hãy điều chỉnh ví dụ cho phù hợp với nhà máy và pháp luật quốc gia "
    "trước buổi học.",
    "body_policy": "Điều chỉnh chính sách mẫu này theo pháp luật quốc gia và doanh nghiệp của "
    "bạn, thảo luận trong ủy ban hai bên, rồi niêm yết ở nơi mọi người lao động đều đọc được.",
    "body_awareness": "In ra, dán ở nơi công nhân tập trung hoặc trình chiếu trong buổi họp "
    "chuyền, và dành thời gian để trả lời câu hỏi.",
    "body_tool": "Trả lời từng câu hỏi theo từng bước: cuối cùng bạn sẽ có một danh sách ngắn "
    "các hành động cho kế hoạch cải tiến.",
    "policy_outline": "1. Mục đích và phạm vi. 2. Định nghĩa. 3. Trách nhiệm. "
    "4. Quy trình. 5. Bảo mật và bảo vệ khỏi trả thù. 6. Rà soát.",
    "objectives": "Giải thích các quy định áp dụng\nThực hành với tình huống của một nhà máy "
    "thật\nThống nhất một cải tiến để thử tại xưởng",
    "duration_supervisors": "8 tuần",
    "duration_law": "6 buổi",
    "step_1": "Đo lường điểm xuất phát",
    "step_1_text": "Thu thập số liệu ba tháng gần nhất và cùng nhóm đi xem xưởng.",
    "step_2": "Thử một thay đổi",
    "step_2_text": "Chọn thay đổi mà cả nhóm đồng ý và thử trên một chuyền trong hai tuần.",
    "step_3": "Kiểm tra kết quả và chia sẻ",
    "step_3_text": "So sánh số liệu, quyết định có giữ thay đổi không và thông báo cho công "
    "nhân những gì đã tìm thấy.",
}

RESOURCES = {
    "supervisory-skills-training": (
        "Đào tạo kỹ năng giám sát",
        "Khóa học của Better Work dành cho tổ trưởng chuyền: bốn học phần về giao tiếp với "
        "công nhân, hợp tác, lập kế hoạch sản xuất và phòng chống quấy rối, tổ chức tại nhà "
        "máy trong tám tuần.",
    ),
    "preventing-sexual-harassment-a-guide-for-supervisors": (
        "Phòng chống quấy rối tình dục: hướng dẫn cho tổ trưởng",
        "Thế nào là quấy rối tình dục tại nơi làm việc, tổ trưởng cần xử lý ra sao khi công "
        "nhân khiếu nại, và vì sao người tố cáo không bao giờ bị trừng phạt.",
    ),
    "model-anti-harassment-policy": (
        "Chính sách mẫu về phòng chống quấy rối",
        "Chính sách dài hai trang định nghĩa quấy rối, chỉ rõ ai tiếp nhận khiếu nại và bảo "
        "vệ người tố cáo. Sẵn sàng để điều chỉnh và ký ban hành.",
    ),
    "fire-safety-poster": (
        "Áp phích an toàn phòng cháy",
        "Giữ lối thoát thông thoáng, biết điểm tập kết, không bao giờ khóa cửa trong giờ làm "
        "việc: một áp phích cho mỗi tầng.",
    ),
    "labour-law-essentials": (
        "Những điều cốt lõi của pháp luật lao động",
        "Các học phần ngắn về những quy định lao động mà nhà máy hay áp dụng sai nhất, được "
        "biên soạn cùng từng nhóm quốc gia bằng ngôn ngữ của công nhân.",
    ),
    "working-hours-and-overtime-under-viet-nams-labour-code": (
        "Thời giờ làm việc và làm thêm giờ theo Bộ luật Lao động",
        "Giờ làm việc bình thường, giới hạn làm thêm theo tháng và theo năm, và cách lập kế "
        "hoạch mùa cao điểm mà không vượt quá các giới hạn đó.",
    ),
    "model-overtime-policy": (
        "Chính sách mẫu về làm thêm giờ",
        "Làm thêm giờ tự nguyện, được ghi chép và trả đúng mức luật định: văn bản chính sách "
        "kèm mẫu đề nghị và sổ theo dõi giờ làm hằng tháng.",
    ),
    "self-guided-tool-working-hours-check": (
        "Công cụ tự đánh giá: kiểm tra thời giờ làm việc",
        "Nhập dữ liệu chấm công của một tháng để xem tuần nào vượt giới hạn luật định, theo "
        "từng công nhân và từng chuyền.",
    ),
}

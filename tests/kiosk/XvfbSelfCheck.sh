#!/bin/bash
# The self-check completed by touch alone (issue 5): tinxa-kiosk under Xvfb, driven by xdotool
# clicks (SDL delivers the mouse as touch), from the home tile through every question to the
# result, which must look like the result the offscreen tour renders for the same answers, size
# and time (52-tu-kiem-tra-ket-qua.png; KioskApp's walk_self_check). Run from the source root:
#   xvfb-run -a -s "-screen 0 1600x900x24" tests/kiosk/XvfbSelfCheck.sh build/.../tinxa-kiosk OUT
#
# The points below are the centres of the targets at 1280x720 on the default 21.5" panel
# (2.69 px/mm): answers along the bottom (one row of 110 mm buttons, or two columns for long
# lists), the digit keys at the bottom left (30 x 18 mm keys, 3 mm gaps), "Tiếp theo" beside them,
# the income bands in one column (200 x 18 mm) with "Nhập số tiền" under them.
set -euo pipefail
KIOSK=$1
OUT=$2
SIZE=1280x720
AT=2026-11-28T14:30
source "$(dirname "$0")/XvfbKiosk.bash"
start_kiosk
tap() { xdotool mousemove --window "$WID" "$1" "$2" click 1; sleep 0.15; }

# Positions at 1280x720.
YES=(164 672); NO=(476 672)                      # "Có", "Không" (and the two area answers)
K0=(145 680); K1=(56 512); K4=(56 568); K6=(234 568); K000=(234 680)
NEXT=(527 672)
BAND1=(285 392); TYPE_AMOUNT=(137 680)            # the lowest income band, "Nhập số tiền"
BACK=(60 32)                                      # the bar's Back

shot home
expect_same home 01-trang-chu
tap 637 530                      # the "Tự kiểm tra hộ nghèo" tile
shot question
expect_same question 50-tu-kiem-tra-cau-hoi

tap "${YES[@]}"                  # 1 khu-vuc: Nông thôn (xã)
tap "${K4[@]}"; tap "${NEXT[@]}" # 2 so-nguoi: 4
shot income                      # 3 thu-nhap: the bands
expect_same income 51-tu-kiem-tra-thu-nhap
tap "${TYPE_AMOUNT[@]}"          # the digit keys, 6.000.000 a month typed
tap "${K6[@]}"; tap "${K000[@]}"; tap "${K000[@]}"
shot pad
expect_same pad 53-tu-kiem-tra-nhap-so-tien
tap "${BACK[@]}"                 # back to the bands: the lowest, "Từ 6.000.000 đồng trở xuống"
tap "${BAND1[@]}"
tap "${YES[@]}"                  # 4 viec-lam: Có (deprived)
tap "${K0[@]}"; tap "${NEXT[@]}" # 5 nguoi-phu-thuoc: 0
tap "${NO[@]}"                   # 6 dinh-duong: Không
tap "${YES[@]}"                  # 7 bao-hiem-y-te: Có (deprived)
tap "${NO[@]}"                   # 8 trinh-do-giao-duc
tap "${NO[@]}"                   # 9 di-hoc-tre-em
tap "${NO[@]}"                   # 10 chat-luong-nha-o
tap "${K1[@]}"; tap "${K0[@]}"; tap "${K0[@]}"; tap "${NEXT[@]}"  # 11 dien-tich-nha-o: 100 m²
tap 324 456                      # 12 nguon-nuoc: Nước máy (first of 9, two columns)
tap 324 624                      # 13 nha-tieu: the third of 5, the first deprived one
tap "${YES[@]}"                  # 14 dich-vu-vien-thong: Có (uses the internet)
tap "${YES[@]}"                  # 15 phuong-tien-thong-tin: Có
shot result
expect_same result 52-tu-kiem-tra-ket-qua

# The bar's Back returns to the last question, not out of the wizard.
tap "${BACK[@]}"
shot back
expect_changed back result "Back from the result did not return to the last question" \
  "Back from the result shows the last question"

stop_kiosk
echo "PASS"

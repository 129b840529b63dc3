# What `cmake --install BUILD --prefix /usr` puts on a commune PC (deploy/install.sh runs it):
#   bin/                       tinxa, tinxa-broadcastd, tinxa-kiosk
#   lib/systemd/system/        the units of deploy/systemd (their ExecStart is /usr/bin/...)
#   share/tinxa/defaults/      the commented default settings, copied to /etc/tinxa once
#   share/tinxa/content/sample the sample content (the poverty-reduction plan), to start from
#   share/doc/tinxa/           the READMEs the units' Documentation= lines name
include(GNUInstallDirs)

install(TARGETS tinxa tinxa-broadcastd tinxa-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES deploy/systemd/tinxa-broadcastd.service deploy/systemd/tinxa-kiosk.service
        DESTINATION lib/systemd/system)
install(DIRECTORY config/defaults/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tinxa/defaults)
# A locked-down weston for a kiosk PC that runs the kiosk under Wayland (kiosk/README.md).
install(FILES deploy/weston/kiosk-weston.ini DESTINATION ${CMAKE_INSTALL_DATADIR}/tinxa/weston)
install(DIRECTORY content/sample/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tinxa/content/sample)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES kiosk/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/kiosk)
install(FILES config/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/config)
install(FILES content/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/content)
